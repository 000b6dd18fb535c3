package dev.steward.policy;

import dev.steward.kernel.IdempotencyKeys;
import org.jspecify.annotations.Nullable;
import java.util.Map;

/** Create a world; {@code actor} is the authenticated principal. With an
 * {@code idempotencyKey}, the same request again returns the first one's answer and appends nothing. */
public record CreateWorld(String id, String name, String description, boolean active, Map<String, Object> config,
		String actor,
		@Nullable String idempotencyKey) {

	public CreateWorld {
		IdempotencyKeys.check(idempotencyKey);
	}

	public CreateWorld(String id, String name, String description, boolean active, Map<String, Object> config,
		String actor) {
		this(id, name, description, active, config, actor, null);
	}
}
