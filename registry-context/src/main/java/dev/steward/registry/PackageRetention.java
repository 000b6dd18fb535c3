package dev.steward.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the registry asks of whoever governs retention: the summary a package's manifest records when it is
 * finalized. The registry does not keep retention state itself.
 */
public interface PackageRetention {

	/** The package's retention as it stands in the current transaction. */
	RetentionSummary summaryFor(PackageId id, String retentionClass);

	/**
	 * A package's retention at one moment.
	 * @param expiresAt when the package may be deleted, or null for never (or not decided)
	 * @param lastRetentionEventSequence the sequence, in the log of whatever governs retention, of the package's
	 * latest retention event, or null when there is none
	 */
	record RetentionSummary(String retentionClass, @Nullable Instant expiresAt, List<ActiveHold> activeHolds,
			@Nullable Long lastRetentionEventSequence) {

		public RetentionSummary {
			activeHolds = List.copyOf(activeHolds);
		}

		/** A summary with no retention event behind it. */
		public RetentionSummary(String retentionClass, @Nullable Instant expiresAt, List<ActiveHold> activeHolds) {
			this(retentionClass, expiresAt, activeHolds, null);
		}
	}

	/** A hold that keeps a package from deletion. */
	record ActiveHold(UUID holdId, String reason, Instant appliedAt) {
	}
}
