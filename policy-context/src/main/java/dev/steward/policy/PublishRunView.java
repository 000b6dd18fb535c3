package dev.steward.policy;

import dev.steward.kernel.Keyed;

import java.time.Instant;
import java.util.Map;

/**
 * A publish run: the manifest frozen for a scope, as stored. {@code clientProfile} is {@code ""} for the world
 * itself (the manifest says {@code null} there); {@code manifestHash}, {@code itemsHash} and {@code itemCount}
 * repeat what the manifest says.
 */
public record PublishRunView(long publishRunId, String worldId, String clientProfile, String actor,
		Map<String, Object> manifest, String manifestHash, String itemsHash, int itemCount, Instant createdAt) implements Keyed {

	/** Publish runs are listed newest first. */
	@Override
	public Map<String, Object> keyset() {
		return Map.of("id", publishRunId);
	}

}
