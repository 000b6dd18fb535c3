package dev.steward.registry.domain;

/** What the registry knows about where file bytes are stored. */
public interface StorageLocations {

	/** How many locations of the store failed their last verification. */
	long failedCount(String backendId);
}
