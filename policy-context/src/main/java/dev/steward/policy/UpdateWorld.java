package dev.steward.policy;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Change a world; a null field keeps its value. With an {@code expectedVersion}, the update applies only to that
 * version of the world. {@code actor} is the authenticated principal.
 */
public record UpdateWorld(String id, @Nullable String name, @Nullable String description, @Nullable Boolean active,
		@Nullable Map<String, Object> config, @Nullable Long expectedVersion, String actor) {
}
