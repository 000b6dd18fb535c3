package dev.steward.retention.domain;

import static dev.steward.retention.domain.RetentionFixtures.CREATED;
import static dev.steward.retention.domain.RetentionFixtures.WEEK;
import static dev.steward.retention.domain.RetentionFixtures.afterExpiry;
import static dev.steward.retention.domain.RetentionFixtures.anyPackage;
import static dev.steward.retention.domain.RetentionFixtures.complianceClass;
import static dev.steward.retention.domain.RetentionFixtures.foreverClass;
import static dev.steward.retention.domain.RetentionFixtures.governanceClass;
import static dev.steward.retention.domain.RetentionFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.steward.retention.RetentionErrorCode;
import dev.steward.retention.RetentionException;
import java.time.Instant;
import dev.steward.kernel.events.AggregateEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTests {

	@Test
	void measuresTheDefaultExpiryFromTheCreationTime() {
		Retention retention = Retention.applyDefault(anyPackage(), governanceClass(), CREATED, "alice");

		assertThat(retention.expiresAt()).isEqualTo(CREATED.plusSeconds(WEEK));
		assertThat(retention.eligible()).isFalse();
		assertThat(events(retention)).singleElement().isInstanceOf(RetentionDefaultApplied.class);
	}

	@Test
	void neverExpiresUnderAClassWithoutDuration() {
		Retention retention = Retention.applyDefault(anyPackage(), foreverClass(), CREATED, "alice");

		assertThat(retention.expiresAt()).isNull();
		assertThat(retention.isDue(Instant.MAX)).isFalse();
	}

	@Test
	void extendsToAStrictlyLaterExpiry() {
		Retention retention = stored(governanceClass());

		retention.extend(CREATED.plusSeconds(2 * WEEK), "audit", "bob");

		assertThat(retention.expiresAt()).isEqualTo(CREATED.plusSeconds(2 * WEEK));
		assertThat(events(retention)).singleElement().isInstanceOf(RetentionExtended.class);
	}

	@Test
	void refusesAnExtensionThatIsNotLater() {
		Retention retention = stored(governanceClass());

		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> retention.extend(CREATED.plusSeconds(WEEK), "same", "bob"))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_NOT_EXTENDABLE);
	}

	@Test
	void extendsByAtMostOneHundredYearsAtOnce() {
		Retention retention = stored(governanceClass());
		java.time.Instant current = retention.expiresAt();

		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> retention.extend(java.time.Instant.parse("9999-12-31T23:59:59Z"), "typo", "bob"))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_NOT_EXTENDABLE);
		retention.extend(current.plusSeconds(RetentionClass.MAX_DURATION_SECONDS), "a century", "bob");
		assertThat(retention.expiresAt()).isEqualTo(current.plusSeconds(RetentionClass.MAX_DURATION_SECONDS));
	}

	@Test
	void refusesToExtendWhatNeverExpires() {
		Retention retention = stored(foreverClass());

		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> retention.extend(CREATED.plusSeconds(WEEK), "later", "bob"))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_NOT_EXTENDABLE);
	}

	@Test
	void refusesABlankReason() {
		Retention retention = stored(governanceClass());

		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> retention.extend(CREATED.plusSeconds(2 * WEEK), "   ", "bob"))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_REASON_REQUIRED);
	}

	@Test
	void shortensInGovernanceMode() {
		Retention retention = stored(governanceClass());

		retention.shorten(CREATED.plusSeconds(60), "mistake", "admin");

		assertThat(retention.expiresAt()).isEqualTo(CREATED.plusSeconds(60));
		assertThat(events(retention)).singleElement().isInstanceOf(RetentionShortened.class);
	}

	@Test
	void neverShortensInComplianceMode() {
		Retention retention = stored(complianceClass());

		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> retention.shorten(CREATED.plusSeconds(60), "please", "admin"))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_COMPLIANCE_LOCKED);
	}

	@Test
	void refusesAShorteningThatIsNotEarlier() {
		Retention retention = stored(governanceClass());

		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> retention.shorten(CREATED.plusSeconds(2 * WEEK), "longer", "admin"))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_NOT_SHORTENABLE);
	}

	@Test
	void keepsSeveralNamedHoldsAtOnce() {
		Retention retention = stored(governanceClass());

		Hold.Id first = retention.applyHold("litigation A", "bob", CREATED);
		Hold.Id second = retention.applyHold("litigation B", "bob", CREATED);

		assertThat(retention.activeHolds()).extracting(Hold::id).containsExactly(first, second);
		assertThat(retention.isDue(afterExpiry())).isFalse();
	}

	@Test
	void staysHeldWhileAnyHoldIsActive() {
		Retention retention = stored(governanceClass());
		Hold.Id first = retention.applyHold("litigation A", "bob", CREATED);
		retention.applyHold("litigation B", "bob", CREATED);

		retention.releaseHold(first, "settled", "bob", afterExpiry());

		assertThat(retention.eligible()).isFalse();
		assertThat(retention.isDue(afterExpiry())).isFalse();
	}

	@Test
	void becomesEligibleWhenTheLastHoldOfAnExpiredSubjectIsReleased() {
		Retention retention = stored(governanceClass());
		Hold.Id hold = retention.applyHold("litigation", "bob", CREATED);
		events(retention);

		retention.releaseHold(hold, "settled", "bob", afterExpiry());

		List<Object> events = events(retention);
		assertThat(retention.eligible()).isTrue();
		assertThat(events).hasExactlyElementsOfTypes(HoldReleased.class, DeletionEligible.class);
		assertThat(((DeletionEligible) events.get(1)).reason())
			.isEqualTo("hold released after expiry");
	}

	@Test
	void doesNotBecomeEligibleWhenTheLastHoldIsReleasedBeforeExpiry() {
		Retention retention = stored(governanceClass());
		Hold.Id hold = retention.applyHold("litigation", "bob", CREATED);

		retention.releaseHold(hold, "settled", "bob", CREATED.plusSeconds(60));

		assertThat(retention.eligible()).isFalse();
	}

	@Test
	void refusesToReleaseAHoldItDoesNotHave() {
		Retention retention = stored(governanceClass());

		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> retention.releaseHold(new Hold.Id(java.util.UUID.randomUUID()), "no", "bob", CREATED))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_HOLD_NOT_FOUND);
	}

	@Test
	void isDueOnlyOnceExpiredUnheldAndNotYetEligible() {
		Retention retention = stored(governanceClass());

		assertThat(retention.isDue(CREATED.plusSeconds(WEEK - 1))).isFalse();
		assertThat(retention.isDue(CREATED.plusSeconds(WEEK))).isTrue();
		retention.markEligible(afterExpiry(), "sweeper");
		assertThat(retention.isDue(afterExpiry())).isFalse();
	}

	@Test
	void refusesToMarkASubjectThatIsNotDue() {
		Retention retention = stored(governanceClass());

		assertThatIllegalStateException().isThrownBy(() -> retention.markEligible(CREATED, "sweeper"));
	}

	@Test
	void extendingAnEligibleSubjectRevokesItsEligibility() {
		Retention retention = stored(governanceClass());
		retention.markEligible(afterExpiry(), "sweeper");

		retention.extend(afterExpiry().plusSeconds(WEEK), "keep it", "bob");

		assertThat(retention.eligible()).isFalse();
	}

	@Test
	void purgesOnlyAnEligibleUnheldSubject() {
		Retention retention = stored(governanceClass());
		assertThat(retention.purgeBlocker()).contains("not eligible");
		retention.markEligible(afterExpiry(), "sweeper");
		Hold.Id hold = retention.applyHold("late hold", "bob", afterExpiry());
		assertThat(retention.purgeBlocker()).contains("active hold");
		retention.releaseHold(hold, "done", "bob", afterExpiry());

		retention.purge("admin", afterExpiry());

		assertThat(retention.purged()).isTrue();
		assertThat(events(retention)).last().isInstanceOf(SubjectPurged.class);
	}

	@Test
	void neverPurgesAManualSubject() {
		Retention retention = stored(foreverClass());
		retention.shorten(CREATED.plusSeconds(60), "end it", "admin");
		retention.markEligible(afterExpiry(), "sweeper");

		assertThat(retention.purgeBlocker()).contains("manual");
		assertThatIllegalStateException().isThrownBy(() -> retention.purge("admin", afterExpiry()));
	}

	@Test
	void changesNothingOncePurged() {
		Retention retention = stored(governanceClass());
		retention.markEligible(afterExpiry(), "sweeper");
		retention.purge("admin", afterExpiry());

		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> retention.applyHold("too late", "bob", afterExpiry()))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_SUBJECT_PURGED);
	}

	static List<Object> events(Object aggregate) {
		List<Object> events = new ArrayList<>();
		new AggregateEvents(events::add).publishFrom(aggregate);
		return events;
	}
}
