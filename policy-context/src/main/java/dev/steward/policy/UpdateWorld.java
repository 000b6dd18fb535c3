package dev.steward.policy;

import dev.steward.kernel.IdempotencyKeys;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Change a world; a null field keeps its value. With an {@code expectedVersion}, the update applies only to that
 * version of the world. {@code actor} is the authenticated principal. With an
 * {@code idempotencyKey}, the same request again returns the first one's answer and appends nothing.
 */
public record UpdateWorld(String id, @Nullable String name, @Nullable String description, @Nullable Boolean active,
		@Nullable Map<String, Object> config, @Nullable Long expectedVersion, String actor,
		@Nullable String idempotencyKey) {

	public UpdateWorld {
		IdempotencyKeys.check(idempotencyKey);
	}

	public UpdateWorld(String id, @Nullable String name, @Nullable String description, @Nullable Boolean active,
		@Nullable Map<String, Object> config, @Nullable Long expectedVersion, String actor) {
		this(id, name, description, active, config, expectedVersion, actor, null);
	}
}
