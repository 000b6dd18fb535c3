package dev.steward.retention.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionMode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionClassTests {

	static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

	@Test
	void createsAClassAndRecordsIt() {
		RetentionClass created = RetentionClass.create(new RetentionClass.Name("audit_log"), 3_600L,
				DeletionStrategy.TOMBSTONE, RetentionMode.COMPLIANCE, "a year", "admin", NOW);

		assertThat(created.expiryFrom(NOW)).isEqualTo(NOW.plusSeconds(3_600));
		assertThat(RetentionTests.events(created)).singleElement().isInstanceOf(RetentionClassCreated.class);
	}

	@Test
	void keepsForeverWithoutADuration() {
		RetentionClass forever = RetentionClass.create(new RetentionClass.Name("forever"), null, DeletionStrategy.MANUAL,
				RetentionMode.GOVERNANCE, "", "admin", NOW);

		assertThat(forever.expiryFrom(NOW)).isNull();
	}

	@Test
	void refusesADurationOutOfBounds() {
		assertThatIllegalArgumentException().isThrownBy(() -> RetentionClass.create(new RetentionClass.Name("zero"), 0L,
				DeletionStrategy.PURGE, RetentionMode.GOVERNANCE, "", "admin", NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> RetentionClass.create(new RetentionClass.Name("huge"),
				RetentionClass.MAX_DURATION_SECONDS + 1, DeletionStrategy.PURGE, RetentionMode.GOVERNANCE, "", "admin",
				NOW));
	}

	@Test
	void refusesANameOutsideItsRule() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RetentionClass.Name("Standard"));
		assertThatIllegalArgumentException().isThrownBy(() -> new RetentionClass.Name("1st"));
		assertThat(RetentionClass.Name.isValid("long_term")).isTrue();
	}

	@Test
	void refusesAChangeAgainstAStaleVersion() {
		RetentionClass stored = RetentionClass.restore(new RetentionClass.Name("standard"), 60L, DeletionStrategy.PURGE,
				RetentionMode.GOVERNANCE, "", NOW, "steward", NOW, "steward", 3);

		assertThatIllegalStateException().isThrownBy(() -> stored.change(120L, DeletionStrategy.PURGE,
				RetentionMode.GOVERNANCE, "", 2L, "admin", NOW));
	}

	@Test
	void changesForSubjectsCreatedFromNowOn() {
		RetentionClass stored = RetentionClass.restore(new RetentionClass.Name("standard"), 60L, DeletionStrategy.PURGE,
				RetentionMode.GOVERNANCE, "", NOW, "steward", NOW, "steward", 3);

		stored.change(120L, DeletionStrategy.TOMBSTONE, RetentionMode.COMPLIANCE, "longer", 3L, "admin", NOW);

		assertThat(stored.expiryFrom(NOW)).isEqualTo(NOW.plusSeconds(120));
		assertThat(stored.mode()).isEqualTo(RetentionMode.COMPLIANCE);
		assertThat(RetentionTests.events(stored)).singleElement().isInstanceOf(RetentionClassChanged.class);
	}
}
