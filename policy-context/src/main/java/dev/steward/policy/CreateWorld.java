package dev.steward.policy;

import java.util.Map;

/** Create a world; {@code actor} is the authenticated principal. */
public record CreateWorld(String id, String name, String description, boolean active, Map<String, Object> config,
		String actor) {
}
