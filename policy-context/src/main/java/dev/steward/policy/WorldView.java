package dev.steward.policy;

import java.time.Instant;
import java.util.Map;

/** A world as clients see it. */
public record WorldView(String id, String name, String description, boolean active, Map<String, Object> config,
		Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
}
