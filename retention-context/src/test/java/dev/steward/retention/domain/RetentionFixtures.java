package dev.steward.retention.domain;

import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import java.time.Instant;
import java.util.UUID;

/** Retentions and classes that read like the domain. */
final class RetentionFixtures {

	static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");

	static final long WEEK = 7 * 86_400L;

	private RetentionFixtures() {}

	static SubjectRef anyPackage() {
		return SubjectRef.of("package", UUID.randomUUID().toString());
	}

	static RetentionClass governanceClass() {
		return RetentionClass.restore(new RetentionClass.Name("ephemeral"), WEEK, DeletionStrategy.PURGE,
				RetentionMode.GOVERNANCE, "", CREATED, "steward", CREATED, "steward", 0);
	}

	static RetentionClass complianceClass() {
		return RetentionClass.restore(new RetentionClass.Name("long_term"), WEEK, DeletionStrategy.TOMBSTONE,
				RetentionMode.COMPLIANCE, "", CREATED, "steward", CREATED, "steward", 0);
	}

	static RetentionClass foreverClass() {
		return RetentionClass.restore(new RetentionClass.Name("permanent"), null, DeletionStrategy.MANUAL,
				RetentionMode.GOVERNANCE, "", CREATED, "steward", CREATED, "steward", 0);
	}

	/** A stored retention, as the repository gives it back, from the class's default. */
	static Retention stored(RetentionClass retentionClass) {
		Retention fresh = Retention.applyDefault(anyPackage(), retentionClass, CREATED, "alice");
		return Retention.restore(fresh.getId(), fresh.retentionClass(), fresh.mode(), fresh.deletionStrategy(),
				fresh.appliedAt(), fresh.expiresAt(), fresh.activeHolds(), false, null, false, null, 0);
	}

	static Instant afterExpiry() {
		return CREATED.plusSeconds(WEEK + 1);
	}
}
