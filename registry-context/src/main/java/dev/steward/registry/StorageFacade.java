package dev.steward.registry;

import java.time.Instant;
import java.util.List;

/** The registry's blob stores: their health, and the collection of bytes no file records. */
public interface StorageFacade {

	/** Every configured store and whether it answers. */
	List<StorageBackendView> backends();

	/**
	 * Deletes, in every store, the stored bytes that no file of a live package records and that were last written
	 * longer than the grace period ago (bytes of an upload whose transaction failed, of a process killed mid-upload,
	 * of a purge that could not delete them at once), and temporary upload files as old.
	 */
	OrphanCollection collectOrphans();

	/**
	 * Re-reads every stored location of the store (purged ones aside), hashes the bytes again and appends
	 * {@code v1.storage.location_verified} for each, in a transaction of its own; a location whose bytes are missing
	 * or differ is marked {@code failed}.
	 * @throws RegistryException {@code STORAGE_BACKEND_NOT_FOUND}
	 */
	StorageVerification verifyStorage(String backendId, String actor);

	/** How many locations of the store failed their last verification. */
	long failedLocations(String backendId);

	/** What a verification of one store found. */
	record StorageVerification(String backendId, long checked, long verified, long failed) {
	}

	/** A store: its id, kind ({@code filesystem}, {@code s3}), health and where it keeps its bytes. */
	record StorageBackendView(String id, String kind, boolean up, String detail, long failedLocations) {
	}

	/** What a collection looked at and deleted. */
	record OrphanCollection(long examined, long deleted, long deletedBytes, Instant olderThan) {
	}
}
