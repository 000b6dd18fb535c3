package dev.steward.retention;

import java.util.Locale;

/** What happens to a subject once it is eligible for deletion and purged. */
public enum DeletionStrategy {

	/** Its bytes are deleted; a tombstone keeps its metadata and manifest. */
	PURGE,
	/** Only its metadata is kept. */
	TOMBSTONE,
	/** Never deleted automatically: a purge leaves it for a person to delete. */
	MANUAL;

	/** The strategy as the log and the views spell it: {@code purge}, {@code tombstone}, {@code manual}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static DeletionStrategy of(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}
}
