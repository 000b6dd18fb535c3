package dev.steward.policy;

import dev.steward.kernel.Keyed;

import java.time.Instant;
import java.util.Map;

/** A world as clients see it. */
public record WorldView(String id, String name, String description, boolean active, Map<String, Object> config,
		Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) implements Keyed {

	/** Worlds are listed by id. */
	@Override
	public Map<String, Object> keyset() {
		return Map.of("id", id);
	}

}
