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

	/** A store: its id, kind ({@code filesystem}, {@code s3}), health and where it keeps its bytes. */
	record StorageBackendView(String id, String kind, boolean up, String detail, long failedLocations) {
	}

	/** What a collection looked at and deleted. */
	record OrphanCollection(long examined, long deleted, long deletedBytes, Instant olderThan) {
	}
}
