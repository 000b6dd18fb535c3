package dev.steward.retention.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.kernel.Page;
import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RecordingSubjectHandler;
import dev.steward.retention.RetentionClassFacade;
import dev.steward.retention.RetentionClassFacade.ChangeRetentionClass;
import dev.steward.retention.RetentionClassFacade.CreateRetentionClass;
import dev.steward.retention.RetentionErrorCode;
import dev.steward.retention.RetentionEvents;
import dev.steward.retention.RetentionException;
import dev.steward.retention.RetentionFacade;
import dev.steward.retention.RetentionFacade.ApplyDefaultRetention;
import dev.steward.retention.RetentionFacade.ApplyHold;
import dev.steward.retention.RetentionFacade.ExtendRetention;
import dev.steward.retention.RetentionFacade.PurgeEligible;
import dev.steward.retention.RetentionFacade.PurgeOutcome;
import dev.steward.retention.RetentionFacade.PurgeOutcome.Outcome;
import dev.steward.retention.RetentionFacade.ReleaseHold;
import dev.steward.retention.RetentionFacade.RetentionEventView;
import dev.steward.retention.RetentionFacade.RetentionView;
import dev.steward.retention.RetentionFacade.ShortenRetention;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import dev.steward.retention.domain.Retention;
import dev.steward.retention.domain.Retentions;
import dev.steward.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class RetentionManagementIntegrationTests {

	static final Duration WEEK = Duration.ofDays(7);

	@Autowired
	RetentionFacade retention;

	@Autowired
	RetentionClassFacade classes;

	@Autowired
	Retentions retentions;

	@Autowired
	MovableClock clock;

	@Autowired
	RecordingSubjectHandler handler;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	/** Threads of the test's own: the common pool may have a single thread on a small machine. */
	final ExecutorService threads = Executors.newFixedThreadPool(2);

	@AfterEach
	void resetClock() {
		threads.shutdownNow();
		clock.reset();
		handler.failing(false);
	}

	@Test
	void shipsTheDefaultClasses() {
		assertThat(classes.classes()).extracting(RetentionClassFacade.RetentionClassView::name)
			.contains("ephemeral", "standard", "long_term", "permanent", "publish_run");
		assertThat(classes.find("permanent").orElseThrow().defaultDurationSeconds()).isNull();
		assertThat(classes.find("long_term").orElseThrow().mode()).isEqualTo(RetentionMode.COMPLIANCE);
	}

	@Test
	void appliesTheClassDefaultFromTheBaseTime() {
		Instant created = clock.instant();

		RetentionView applied = apply(anySubject(), "ephemeral", created);

		assertThat(applied.expiresAt()).isEqualTo(created.truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(WEEK));
		assertThat(applied.deletionStrategy()).isEqualTo(DeletionStrategy.PURGE);
		assertThat(history(applied.subject())).extracting(RetentionEventView::type)
			.containsExactly(RetentionEvents.DEFAULT_APPLIED);
	}

	@Test
	void rejectsAnUnknownClassAndWritesNothing() {
		SubjectRef subject = anySubject();
		long head = logHead();

		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> apply(subject, "no_such_class", clock.instant()))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_CLASS_UNKNOWN);
		assertThat(retention.find(subject)).isEmpty();
		assertThat(logHead()).isEqualTo(head);
	}

	@Test
	void rejectsASecondDefaultForOneSubject() {
		SubjectRef subject = anySubject();
		apply(subject, "ephemeral", clock.instant());

		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> apply(subject, "standard", clock.instant()))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_ALREADY_APPLIED);
	}

	@Test
	void aClassChangeNeverRewritesExistingExpiries() {
		String name = "change_" + UUID.randomUUID().toString().substring(0, 8);
		classes.create(new CreateRetentionClass(name, WEEK.toSeconds(), DeletionStrategy.PURGE, RetentionMode.GOVERNANCE,
				"", "admin"));
		RetentionView before = apply(anySubject(), name, clock.instant());

		classes.change(new ChangeRetentionClass(name, 60L, false, DeletionStrategy.TOMBSTONE, RetentionMode.COMPLIANCE,
				null, null, "admin"));

		RetentionView after = retention.find(before.subject()).orElseThrow();
		assertThat(after.expiresAt()).isEqualTo(before.expiresAt());
		assertThat(after.mode()).isEqualTo(RetentionMode.GOVERNANCE);
		assertThat(apply(anySubject(), name, clock.instant()).mode()).isEqualTo(RetentionMode.COMPLIANCE);
	}

	@Test
	void refusesAClassNameTwiceAndAStaleVersion() {
		String name = "twice_" + UUID.randomUUID().toString().substring(0, 8);
		classes.create(new CreateRetentionClass(name, null, DeletionStrategy.MANUAL, RetentionMode.GOVERNANCE, "", "admin"));

		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> classes.create(new CreateRetentionClass(name, null, DeletionStrategy.MANUAL,
					RetentionMode.GOVERNANCE, "", "admin")))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_CLASS_EXISTS);
		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> classes.change(new ChangeRetentionClass(name, 60L, false, null, null, null, 7L, "admin")))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_CONFLICT);
	}

	@Test
	void extendsAndRefusesAnythingButLater() {
		RetentionView applied = apply(anySubject(), "ephemeral", clock.instant());
		Instant later = applied.expiresAt().plus(Duration.ofDays(1));

		RetentionView extended = retention.extend(new ExtendRetention(applied.subject(), later, "audit", "bob"));

		assertThat(extended.expiresAt()).isEqualTo(later);
		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> retention.extend(new ExtendRetention(applied.subject(), later, "again", "bob")))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_NOT_EXTENDABLE);
		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> retention.extend(new ExtendRetention(anySubject(), later, "unknown", "bob")))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_SUBJECT_NOT_FOUND);
	}

	@Test
	void shortensGovernanceButNeverCompliance() {
		RetentionView governance = apply(anySubject(), "ephemeral", clock.instant());
		RetentionView compliance = apply(anySubject(), "long_term", clock.instant());
		Instant earlier = clock.instant().plus(Duration.ofDays(1));

		RetentionView shortened = retention.shorten(new ShortenRetention(governance.subject(), earlier, "mistake", "admin"));

		assertThat(shortened.expiresAt()).isEqualTo(earlier.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
		assertThatExceptionOfType(RetentionException.class)
			.isThrownBy(() -> retention.shorten(new ShortenRetention(compliance.subject(), earlier, "please", "admin")))
			.extracting(RetentionException::code)
			.isEqualTo(RetentionErrorCode.RETENTION_COMPLIANCE_LOCKED);
	}

	@Test
	void sweepsExpiredUnheldSubjectsOnlyAndOnlyOnce() {
		SubjectRef expired = apply(anySubject(), "ephemeral", clock.instant()).subject();
		SubjectRef held = apply(anySubject(), "ephemeral", clock.instant()).subject();
		SubjectRef forever = apply(anySubject(), "permanent", clock.instant()).subject();
		SubjectRef notYet = apply(anySubject(), "standard", clock.instant()).subject();
		retention.applyHold(new ApplyHold(held, "litigation", "bob"));
		clock.advance(WEEK.plusHours(1));

		retention.sweep("sweeper");
		RetentionFacade.SweepReport second = retention.sweep("sweeper");

		assertThat(retention.find(expired).orElseThrow().eligible()).isTrue();
		assertThat(retention.find(held).orElseThrow().eligible()).isFalse();
		assertThat(retention.find(forever).orElseThrow().eligible()).isFalse();
		assertThat(retention.find(notYet).orElseThrow().eligible()).isFalse();
		assertThat(second.subjects()).doesNotContain(expired, held, forever, notYet);
		assertThat(history(expired)).extracting(RetentionEventView::type)
			.containsExactly(RetentionEvents.DEFAULT_APPLIED, RetentionEvents.DELETION_ELIGIBLE);
	}

	@Test
	void releasingTheLastHoldOfAnExpiredSubjectMarksItEligibleAtOnce() {
		SubjectRef subject = apply(anySubject(), "ephemeral", clock.instant()).subject();
		UUID first = retention.applyHold(new ApplyHold(subject, "case A", "bob")).holdId();
		UUID second = retention.applyHold(new ApplyHold(subject, "case B", "bob")).holdId();
		clock.advance(WEEK.plusHours(1));

		RetentionView afterFirst = retention.releaseHold(new ReleaseHold(subject, first, "A settled", "bob"));
		RetentionView afterSecond = retention.releaseHold(new ReleaseHold(subject, second, "B settled", "bob"));

		assertThat(afterFirst.eligible()).isFalse();
		assertThat(afterFirst.activeHolds()).extracting(RetentionFacade.HoldView::holdId).containsExactly(second);
		assertThat(afterSecond.eligible()).isTrue();
		List<RetentionEventView> events = history(subject);
		assertThat(events).extracting(RetentionEventView::type)
			.containsExactly(RetentionEvents.DEFAULT_APPLIED, RetentionEvents.HOLD_APPLIED, RetentionEvents.HOLD_APPLIED,
					RetentionEvents.HOLD_RELEASED, RetentionEvents.HOLD_RELEASED, RetentionEvents.DELETION_ELIGIBLE);
		assertThat(events.get(5).payload()).containsEntry("reason", "hold released after expiry");
		assertThat(events.get(5).sequence()).isEqualTo(events.get(4).sequence() + 1);
	}

	@Test
	void answersARetriedHoldWithTheFirstHold() {
		SubjectRef subject = apply(anySubject(), "ephemeral", clock.instant()).subject();
		String key = UUID.randomUUID().toString();

		UUID first = retention.applyHold(new ApplyHold(subject, "case", "bob", key)).holdId();
		UUID again = retention.applyHold(new ApplyHold(subject, "case", "bob", key)).holdId();

		assertThat(again).isEqualTo(first);
		assertThat(retention.find(subject).orElseThrow().activeHolds()).hasSize(1);
	}

	@Test
	void purgesEligibleSubjectsThroughTheirKindAndADryRunChangesNothing() {
		SubjectRef subject = apply(anySubject(), "ephemeral", clock.instant()).subject();
		clock.advance(WEEK.plusHours(1));
		retention.sweep("sweeper");

		RetentionFacade.PurgeReport dry = retention.purgeEligible(new PurgeEligible(true, 1_000, "admin"));
		assertThat(outcomeOf(dry, subject)).isEqualTo(Outcome.WOULD_PURGE);
		assertThat(handler.purged()).doesNotContain(subject);
		assertThat(retention.find(subject).orElseThrow().purged()).isFalse();

		RetentionFacade.PurgeReport done = retention.purgeEligible(new PurgeEligible(false, 1_000, "admin"));

		assertThat(outcomeOf(done, subject)).isEqualTo(Outcome.PURGED);
		assertThat(handler.purged()).contains(subject);
		assertThat(retention.find(subject).orElseThrow().purged()).isTrue();
		RetentionEventView purged = history(subject).getLast();
		assertThat(purged.type()).isEqualTo(RetentionEvents.PURGED);
		assertThat(purged.actor()).isEqualTo("admin");
		assertThat(purged.payload()).containsEntry("deletion_strategy", "purge");
	}

	@Test
	void aFailingHandlerLeavesTheSubjectEligibleAndUnpurged() {
		SubjectRef subject = apply(anySubject(), "ephemeral", clock.instant()).subject();
		clock.advance(WEEK.plusHours(1));
		retention.sweep("sweeper");
		handler.failing(true);

		RetentionFacade.PurgeReport report = retention.purgeEligible(new PurgeEligible(false, 1_000, "admin"));

		assertThat(outcomeOf(report, subject)).isEqualTo(Outcome.FAILED);
		RetentionView after = retention.find(subject).orElseThrow();
		assertThat(after.purged()).isFalse();
		assertThat(after.eligible()).isTrue();
		assertThat(history(subject).getLast().type()).isEqualTo(RetentionEvents.DELETION_ELIGIBLE);
	}

	@Test
	void leavesManualSubjectsToAPerson() {
		SubjectRef subject = apply(anySubject(), "permanent", clock.instant()).subject();
		retention.shorten(new ShortenRetention(subject, clock.instant().plusSeconds(1), "end", "admin"));
		clock.advance(Duration.ofMinutes(1));
		retention.sweep("sweeper");

		RetentionFacade.PurgeReport report = retention.purgeEligible(new PurgeEligible(false, 1_000, "admin"));

		assertThat(retention.find(subject).orElseThrow().eligible()).isTrue();
		assertThat(report.outcomes()).extracting(PurgeOutcome::subjectId).doesNotContain(subject.id());
		assertThat(handler.purged()).doesNotContain(subject);
	}

	/** A hold that commits while a purge waits for the subject's row lock: the purge finds it, deletes nothing. */
	@Test
	void aHoldAppliedWhileAPurgeRunsKeepsTheSubject() throws Exception {
		SubjectRef subject = apply(anySubject(), "ephemeral", clock.instant()).subject();
		clock.advance(WEEK.plusHours(1));
		retention.sweep("sweeper");
		CountDownLatch holdLocked = new CountDownLatch(1);
		CountDownLatch purgeWaiting = new CountDownLatch(1);
		CompletableFuture<Void> hold = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
			.executeWithoutResult(status -> {
				Retention locked = retentions.findForUpdate(subject).orElseThrow();
				holdLocked.countDown();
				await(purgeWaiting);
				locked.applyHold("legal hold during purge", "bob", clock.instant());
				retentions.save(locked);
			}), threads);
		await(holdLocked);

		CompletableFuture<RetentionFacade.PurgeReport> purge = CompletableFuture
			.supplyAsync(() -> retention.purgeEligible(new PurgeEligible(false, 1_000, "admin")), threads);
		waitUntilABackendWaitsForALock();
		purgeWaiting.countDown();
		hold.get(60, TimeUnit.SECONDS);
		RetentionFacade.PurgeReport report = purge.get(60, TimeUnit.SECONDS);

		assertThat(outcomeOf(report, subject)).isEqualTo(Outcome.SKIPPED_HELD);
		assertThat(handler.purged()).doesNotContain(subject);
		RetentionView after = retention.find(subject).orElseThrow();
		assertThat(after.purged()).isFalse();
		assertThat(after.held()).isTrue();
	}

	/** The other order: a hold asked for while the purge holds the row waits, then finds the subject purged. */
	@Test
	void aHoldAskedForDuringAPurgeFindsTheSubjectPurged() throws Exception {
		SubjectRef subject = apply(anySubject(), "ephemeral", clock.instant()).subject();
		clock.advance(WEEK.plusHours(1));
		retention.sweep("sweeper");
		CountDownLatch purgeLocked = new CountDownLatch(1);
		CountDownLatch holdWaiting = new CountDownLatch(1);
		CompletableFuture<Void> purge = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
			.executeWithoutResult(status -> {
				Retention locked = retentions.findForUpdate(subject).orElseThrow();
				purgeLocked.countDown();
				await(holdWaiting);
				handler.purge(subject, locked.deletionStrategy());
				locked.purge("admin", clock.instant());
				retentions.save(locked);
			}), threads);
		await(purgeLocked);

		CompletableFuture<Object> hold = CompletableFuture.supplyAsync(() -> {
			try {
				return retention.applyHold(new ApplyHold(subject, "too late", "bob"));
			}
			catch (RetentionException ex) {
				return ex.code();
			}
		}, threads);
		waitUntilABackendWaitsForALock();
		holdWaiting.countDown();
		purge.get(60, TimeUnit.SECONDS);

		assertThat(hold.get(60, TimeUnit.SECONDS)).isEqualTo(RetentionErrorCode.RETENTION_SUBJECT_PURGED);
		assertThat(retention.find(subject).orElseThrow().activeHolds()).isEmpty();
	}

	@Test
	void pagesTheHistoryInLogOrder() {
		SubjectRef subject = apply(anySubject(), "ephemeral", clock.instant()).subject();
		for (int index = 0; index < 3; index++) {
			retention.applyHold(new ApplyHold(subject, "hold " + index, "bob"));
		}

		Page<RetentionEventView> first = retention.history(subject, null, 2);
		Page<RetentionEventView> rest = retention.history(subject, first.items().getLast().keyset(), 2);

		assertThat(first.items()).hasSize(2);
		assertThat(first.hasNext()).isTrue();
		assertThat(rest.items()).hasSize(2);
		assertThat(rest.hasNext()).isFalse();
		assertThat(rest.items().getFirst().sequence()).isGreaterThan(first.items().getLast().sequence());
	}

	private RetentionView apply(SubjectRef subject, String retentionClass, Instant baseTime) {
		return retention.applyDefault(new ApplyDefaultRetention(subject, retentionClass, baseTime, "alice"));
	}

	private List<RetentionEventView> history(SubjectRef subject) {
		return retention.history(subject, null, 100).items();
	}

	private long logHead() {
		return jdbc.sql("SELECT last_sequence FROM retention.event_log_counter").query(Long.class).single();
	}

	private static Outcome outcomeOf(RetentionFacade.PurgeReport report, SubjectRef subject) {
		return report.outcomes()
			.stream()
			.filter(outcome -> outcome.subjectId().equals(subject.id()))
			.findFirst()
			.orElseThrow()
			.outcome();
	}

	private void waitUntilABackendWaitsForALock() {
		for (int attempt = 0; attempt < 6_000; attempt++) {
			Integer waiting = jdbc.sql("SELECT count(*)::int FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
					+ " AND datname = current_database()")
				.query(Integer.class)
				.single();
			if (waiting > 0) {
				return;
			}
			sleep();
		}
		throw new AssertionError("No backend came to wait for the subject's row lock");
	}

	private static void sleep() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("gave up waiting");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static SubjectRef anySubject() {
		return SubjectRef.of(RecordingSubjectHandler.KIND, UUID.randomUUID().toString());
	}
}
