package dev.steward.policy;

/**
 * The prompt template a scope resolves to. {@code activatedIn} is the client profile whose pointer it comes from,
 * {@code ""} when the world's own pointer shows through.
 */
public record EffectivePromptTemplate(String worldId, String clientProfile, String policyId, String variant,
		String namespace, String policyKey, String text, String contentHash, String activatedIn) {
}
