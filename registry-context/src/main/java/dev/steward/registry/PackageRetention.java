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
	 */
	record RetentionSummary(String retentionClass, @Nullable Instant expiresAt, List<ActiveHold> activeHolds) {

		public RetentionSummary {
			activeHolds = List.copyOf(activeHolds);
		}
	}

	/** A hold that keeps a package from deletion. */
	record ActiveHold(UUID holdId, String reason, Instant appliedAt) {
	}
}
