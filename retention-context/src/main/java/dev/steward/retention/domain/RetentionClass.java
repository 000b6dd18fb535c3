package dev.steward.retention.domain;

import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionMode;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A retention class: the default duration a subject is kept (none: forever), how it is deleted and whether its
 * expiry may be shortened. Records {@link RetentionClassCreated} and {@link RetentionClassChanged}.
 */
public final class RetentionClass extends AbstractAggregateRoot<RetentionClass>
		implements AggregateRoot<RetentionClass, RetentionClass.Name> {

	/** The longest default duration: 100 years. */
	public static final long MAX_DURATION_SECONDS = 100L * 366 * 86_400;

	public static final int MAX_DESCRIPTION_LENGTH = 2_000;

	private final Name name;

	private @Nullable Long defaultDurationSeconds;

	private DeletionStrategy deletionStrategy;

	private RetentionMode mode;

	private String description;

	private final Instant createdAt;

	private final String createdBy;

	private Instant updatedAt;

	private String updatedBy;

	private @Nullable Long version;

	private RetentionClass(Name name, @Nullable Long defaultDurationSeconds, DeletionStrategy deletionStrategy,
			RetentionMode mode, String description, Instant createdAt, String createdBy, Instant updatedAt,
			String updatedBy, @Nullable Long version) {
		this.name = name;
		this.defaultDurationSeconds = checkDuration(defaultDurationSeconds);
		this.deletionStrategy = deletionStrategy;
		this.mode = mode;
		this.description = checkDescription(description);
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.updatedAt = updatedAt;
		this.updatedBy = updatedBy;
		this.version = version;
	}

	/**
	 * A new class. Registers {@link RetentionClassCreated}.
	 * @throws IllegalArgumentException when the duration is not 1 s to 100 years or the description is too long
	 */
	public static RetentionClass create(Name name, @Nullable Long defaultDurationSeconds,
			DeletionStrategy deletionStrategy, RetentionMode mode, String description, String actor, Instant now) {
		RetentionClass created = new RetentionClass(name, defaultDurationSeconds, deletionStrategy, mode, description,
				now, actor, now, actor, null);
		created.registerEvent(new RetentionClassCreated(created.snapshot(), actor));
		return created;
	}

	/** A class as stored. */
	public static RetentionClass restore(Name name, @Nullable Long defaultDurationSeconds,
			DeletionStrategy deletionStrategy, RetentionMode mode, String description, Instant createdAt,
			String createdBy, Instant updatedAt, String updatedBy, long version) {
		return new RetentionClass(name, defaultDurationSeconds, deletionStrategy, mode, description, createdAt,
				createdBy, updatedAt, updatedBy, version);
	}

	/**
	 * Changes the class for subjects created from now on. Registers {@link RetentionClassChanged}.
	 * @throws IllegalStateException when {@code expectedVersion} is given and is not the current version
	 * @throws IllegalArgumentException when a value breaks its rule
	 */
	public void change(@Nullable Long defaultDurationSeconds, DeletionStrategy deletionStrategy, RetentionMode mode,
			String description, @Nullable Long expectedVersion, String actor, Instant now) {
		if (expectedVersion != null && !expectedVersion.equals(version)) {
			throw new IllegalStateException("Retention class " + name.value() + " is at version " + version
					+ ", not " + expectedVersion);
		}
		this.defaultDurationSeconds = checkDuration(defaultDurationSeconds);
		this.deletionStrategy = deletionStrategy;
		this.mode = mode;
		this.description = checkDescription(description);
		this.updatedAt = now;
		this.updatedBy = actor;
		registerEvent(new RetentionClassChanged(snapshot(), actor));
	}

	/** When a subject created at {@code baseTime} expires under this class; null: never. */
	public @Nullable Instant expiryFrom(Instant baseTime) {
		return defaultDurationSeconds == null ? null : baseTime.plus(Duration.ofSeconds(defaultDurationSeconds));
	}

	RetentionClassCreated.State snapshot() {
		return new RetentionClassCreated.State(name.value(), defaultDurationSeconds, deletionStrategy, mode,
				description);
	}

	private static @Nullable Long checkDuration(@Nullable Long seconds) {
		if (seconds != null && (seconds < 1 || seconds > MAX_DURATION_SECONDS)) {
			throw new IllegalArgumentException("A default duration is 1 to " + MAX_DURATION_SECONDS
					+ " seconds (100 years), or none to keep forever; was " + seconds);
		}
		return seconds;
	}

	private static String checkDescription(String description) {
		if (description.length() > MAX_DESCRIPTION_LENGTH) {
			throw new IllegalArgumentException("A description has at most " + MAX_DESCRIPTION_LENGTH + " characters");
		}
		return description;
	}

	@Override
	public Name getId() {
		return name;
	}

	public @Nullable Long defaultDurationSeconds() {
		return defaultDurationSeconds;
	}

	public DeletionStrategy deletionStrategy() {
		return deletionStrategy;
	}

	public RetentionMode mode() {
		return mode;
	}

	public String description() {
		return description;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public String updatedBy() {
		return updatedBy;
	}

	public @Nullable Long version() {
		return version;
	}

	/** A class's name: lower-case letters, digits and underscores, starting with a letter, at most 64 characters. */
	public record Name(String value) implements Identifier {

		private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

		public Name {
			if (value == null || !NAME.matcher(value).matches()) {
				throw new IllegalArgumentException("A retention class name is 1 to 64 lower-case letters, digits and"
						+ " underscores starting with a letter, not " + value);
			}
		}

		/** Whether {@code value} could name a class. */
		public static boolean isValid(@Nullable String value) {
			return value != null && NAME.matcher(value).matches();
		}
	}
}
