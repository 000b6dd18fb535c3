package dev.steward.registry.domain;

import java.util.List;
import java.util.Optional;

/** Where file bytes are stored, and what their verification found. Saving publishes what a location recorded. */
public interface StorageLocations {

	/** How many locations of the store failed their last verification. */
	long failedCount(String backendId);

	/** The locations in the store that are not purged, ordered by id. */
	List<StorageLocation.LocationId> idsInBackend(String backendId);

	/** The location, its row locked until the transaction ends. */
	Optional<StorageLocation> lockById(StorageLocation.LocationId id);

	/** Saves a verification's outcome. */
	StorageLocation save(StorageLocation location);
}
