package dev.steward.retention;

/**
 * Deletes subjects of one kind for retention: the context that owns the subjects implements it (wired in the
 * application), so that retention never depends on that context. A purge calls it inside the transaction that
 * locked the subject's retention, checked that no hold is active and appends {@code v1.retention.purged}; if it
 * throws, the purge of that subject rolls back.
 */
public interface RetentionSubjectHandler {

	/** The subject kind this handler deletes, e.g. {@code package}. */
	String kind();

	/** Deletes what {@code strategy} says of the subject ({@link DeletionStrategy#PURGE} or {@link DeletionStrategy#TOMBSTONE}). */
	void purge(SubjectRef subject, DeletionStrategy strategy);
}
