package dev.steward.policy;

import dev.steward.kernel.IdempotencyKeys;
import org.jspecify.annotations.Nullable;

/**
 * Freeze the effective policies of a scope (a world, or a client profile over it; {@code ""} is the world itself)
 * into a publish run. {@code actor} is the authenticated principal. With an
 * {@code idempotencyKey}, the same request again returns the first one's answer and appends nothing.
 */
public record PublishScope(String worldId, String clientProfile, String actor,
		@Nullable String idempotencyKey) {

	public PublishScope {
		IdempotencyKeys.check(idempotencyKey);
	}

	public PublishScope(String worldId, String clientProfile, String actor) {
		this(worldId, clientProfile, actor, null);
	}
}
