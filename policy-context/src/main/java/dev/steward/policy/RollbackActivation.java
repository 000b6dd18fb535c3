package dev.steward.policy;

import dev.steward.kernel.IdempotencyKeys;
import org.jspecify.annotations.Nullable;

/**
 * Activate again the variant of an earlier activation event, as a new event in the same scope and policy. The
 * scope and the policy come from the referenced event; any of them given here must match it. {@code actor} is
 * the authenticated principal. With an {@code idempotencyKey}, the same request again returns the first one's
 * event and appends nothing.
 */
public record RollbackActivation(@Nullable String worldId, @Nullable String clientProfile, @Nullable String policyId,
		long activationEventId, String actor, @Nullable String idempotencyKey) {

	public RollbackActivation {
		IdempotencyKeys.check(idempotencyKey);
	}

	public RollbackActivation(@Nullable String worldId, @Nullable String clientProfile, @Nullable String policyId,
			long activationEventId, String actor) {
		this(worldId, clientProfile, policyId, activationEventId, actor, null);
	}
}
