package dev.steward.policy;

import dev.steward.kernel.IdempotencyKeys;
import org.jspecify.annotations.Nullable;

/**
 * Point a scope (a world, or a client profile within it; {@code ""} is the world itself) at a variant of a
 * policy. {@code actor} is the authenticated principal. With an {@code idempotencyKey}, the same request again
 * (same key, actor, scope, policy and variant) returns the first one's event and appends nothing.
 */
public record ActivatePolicy(String worldId, String clientProfile, String policyId, String variant, String actor,
		@Nullable String idempotencyKey) {

	public ActivatePolicy {
		IdempotencyKeys.check(idempotencyKey);
	}

	public ActivatePolicy(String worldId, String clientProfile, String policyId, String variant, String actor) {
		this(worldId, clientProfile, policyId, variant, actor, null);
	}
}
