package dev.steward.retention.domain;

import java.time.Instant;
import java.util.UUID;
import org.jmolecules.ddd.types.Entity;
import org.jmolecules.ddd.types.Identifier;

/** A named hold on a subject: while it is active, the subject is never made eligible or purged. */
public record Hold(Id id, String reason, Instant appliedAt, String appliedBy) implements Entity<Retention, Hold.Id> {

	@Override
	public Id getId() {
		return id;
	}

	public record Id(UUID value) implements Identifier {

		static Id random() {
			return new Id(UUID.randomUUID());
		}
	}

	/** A hold released since the retention was loaded, and why. */
	public record Release(Id id, String reason, Instant releasedAt, String releasedBy) {
	}
}
