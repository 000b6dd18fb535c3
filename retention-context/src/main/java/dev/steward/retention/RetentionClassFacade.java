package dev.steward.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Retention classes: how long a subject is kept by default (or forever), how it is deleted and whether its expiry
 * may be shortened. Steward ships {@code ephemeral}, {@code standard}, {@code long_term}, {@code permanent} and
 * {@code publish_run}; admins create and change classes. A change applies to subjects created afterwards and never
 * rewrites an existing expiry.
 */
public interface RetentionClassFacade {

	/** Every class, ordered by name. */
	List<RetentionClassView> classes();

	Optional<RetentionClassView> find(String name);

	/**
	 * Creates a class and appends {@code v1.retention_class.created}.
	 * @throws RetentionException {@code RETENTION_CLASS_INVALID}, {@code RETENTION_CLASS_EXISTS}
	 */
	RetentionClassView create(CreateRetentionClass command);

	/**
	 * Changes a class and appends {@code v1.retention_class.changed}; subjects that have the class keep their expiry,
	 * mode and strategy.
	 * @throws RetentionException {@code RETENTION_CLASS_UNKNOWN}, {@code RETENTION_CLASS_INVALID},
	 * {@code RETENTION_CONFLICT} when {@code expectedVersion} is not the current one
	 */
	RetentionClassView change(ChangeRetentionClass command);

	/**
	 * Create a class. {@code defaultDurationSeconds} null keeps subjects forever. {@code actor} is the authenticated
	 * principal.
	 */
	record CreateRetentionClass(String name, @Nullable Long defaultDurationSeconds, DeletionStrategy deletionStrategy,
			RetentionMode mode, String description, String actor) {
	}

	/**
	 * Change a class: null fields keep their value; {@code keepForever} true removes the default duration.
	 */
	record ChangeRetentionClass(String name, @Nullable Long defaultDurationSeconds, boolean keepForever,
			@Nullable DeletionStrategy deletionStrategy, @Nullable RetentionMode mode, @Nullable String description,
			@Nullable Long expectedVersion, String actor) {
	}

	/** A retention class as it is now. {@code defaultDurationSeconds} null: subjects never expire. */
	record RetentionClassView(String name, @Nullable Long defaultDurationSeconds, DeletionStrategy deletionStrategy,
			RetentionMode mode, String description, Instant createdAt, String createdBy, Instant updatedAt,
			String updatedBy, long version) {
	}
}
