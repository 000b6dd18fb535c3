package dev.steward.policy;

/**
 * Activate again the variant of an earlier activation event of the same policy and scope. {@code actor} is the
 * authenticated principal.
 */
public record RollbackActivation(String worldId, String clientProfile, String policyId, long activationEventId,
		String actor) {
}
