package dev.steward.retention.application;

import dev.steward.kernel.CodedException;
import dev.steward.kernel.Keyset;
import dev.steward.kernel.Page;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.IdempotentCommands;
import dev.steward.kernel.events.LogEntry;
import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionErrorCode;
import dev.steward.retention.RetentionEvents;
import dev.steward.retention.RetentionException;
import dev.steward.retention.RetentionFacade;
import dev.steward.retention.RetentionSubjectHandler;
import dev.steward.retention.SubjectRef;
import dev.steward.retention.RetentionFacade.PurgeOutcome.Outcome;
import dev.steward.retention.domain.Hold;
import dev.steward.retention.domain.Retention;
import dev.steward.retention.domain.RetentionClass;
import dev.steward.retention.domain.RetentionClasses;
import dev.steward.retention.domain.RetentionViewRebuild;
import dev.steward.retention.domain.Retentions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention use cases. Every change locks the subject's row first ({@code FOR UPDATE}), so that a hold and a
 * purge of one subject never interleave: whichever comes second sees what the first did. A sweep marks due subjects
 * in batches, each one transaction; a purge deletes each subject in a transaction of its own.
 */
@Service
@Transactional
class RetentionManagement implements RetentionFacade {

	private static final Logger LOG = LoggerFactory.getLogger(RetentionManagement.class);

	static final int SWEEP_BATCH = 1_000;

	static final int REPORTED_SUBJECTS = 100;

	private final Retentions retentions;

	private final RetentionClasses classes;

	private final RetentionHistoryReads history;

	private final RetentionViewRebuild rebuild;

	/** Read when first needed: a handler may itself use this facade (to apply defaults as its subjects appear). */
	private final ObjectProvider<RetentionSubjectHandler> handlers;

	private final IdempotentCommands idempotent;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RetentionManagement(Retentions retentions, RetentionClasses classes, RetentionHistoryReads history,
			RetentionViewRebuild rebuild, ObjectProvider<RetentionSubjectHandler> handlers,
			@Qualifier("retentionEventLog") EventLog log, PlatformTransactionManager transactionManager,
			ObjectProvider<Clock> clock) {
		this.retentions = retentions;
		this.classes = classes;
		this.history = history;
		this.rebuild = rebuild;
		this.handlers = handlers;
		this.idempotent = new IdempotentCommands(log);
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	@Override
	public RetentionView applyDefault(ApplyDefaultRetention command) {
		RetentionClass retentionClass = (RetentionClass.Name.isValid(command.retentionClass())
				? classes.findById(new RetentionClass.Name(command.retentionClass())) : Optional.<RetentionClass>empty())
			.orElseThrow(() -> new RetentionException(RetentionErrorCode.RETENTION_CLASS_UNKNOWN,
					"There is no retention class " + command.retentionClass() + "; the classes are "
							+ classes.findAll().stream().map(found -> found.getId().value()).collect(Collectors.joining(", "))));
		try {
			return view(retentions.save(Retention.applyDefault(command.subject(), retentionClass, command.baseTime(),
					command.actor())));
		}
		catch (DuplicateKeyException ex) {
			throw new RetentionException(RetentionErrorCode.RETENTION_ALREADY_APPLIED,
					command.subject() + " has a retention already");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<RetentionView> find(SubjectRef subject) {
		return retentions.findById(subject).map(this::view);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<SubjectRef, RetentionView> findAll(Collection<SubjectRef> subjects) {
		Map<SubjectRef, RetentionView> found = new LinkedHashMap<>();
		retentions.findAll(subjects).forEach(retention -> found.put(retention.getId(), view(retention)));
		return found;
	}

	@Override
	public RetentionView extend(ExtendRetention command) {
		Retention retention = locked(command.subject());
		retention.extend(command.newExpiresAt(), command.reason(), command.actor());
		return save(retention);
	}

	@Override
	public RetentionView shorten(ShortenRetention command) {
		Retention retention = locked(command.subject());
		retention.shorten(command.newExpiresAt(), command.reason(), command.actor());
		return save(retention);
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public HoldApplied applyHold(ApplyHold command) {
		return idempotent.run(command.idempotencyKey(), command.actor(), RetentionEvents.HOLD_APPLIED,
				() -> transactions.execute(status -> {
					Retention retention = locked(command.subject());
					Hold.Id holdId = retention.applyHold(command.reason(), command.actor(), clock.instant());
					return new HoldApplied(holdId.value(), save(retention));
				}), entry -> firstHold(entry, command.subject()));
	}

	private Optional<HoldApplied> firstHold(LogEntry entry, SubjectRef subject) {
		if (!entry.subjectKind().equals(subject.kind()) || !entry.subjectId().equals(subject.id())) {
			return Optional.empty();
		}
		UUID holdId = UUID.fromString(String.valueOf(entry.payload().get("hold_id")));
		return retentions.findById(subject).map(retention -> new HoldApplied(holdId, view(retention)));
	}

	@Override
	public RetentionView releaseHold(ReleaseHold command) {
		Retention retention = locked(command.subject());
		retention.releaseHold(new Hold.Id(command.holdId()), command.reason(), command.actor(), clock.instant());
		return save(retention);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<RetentionEventView> history(SubjectRef subject, @Nullable Map<String, ?> after, int size) {
		Page.checkSize(size);
		Keyset position = Keyset.of(after);
		List<LogEntry> read = history.history(subject, position == null ? 0 : position.number("sequence"), size + 1);
		return Page.of(read, size, position != null).map(RetentionEvents::view);
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.OptionalLong lastEventSequence(SubjectRef subject) {
		return history.lastSequence(subject);
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public SweepReport sweep(String actor) {
		Instant now = clock.instant();
		List<SubjectRef> marked = new ArrayList<>();
		int count = 0;
		while (true) {
			List<SubjectRef> batch = Objects.requireNonNull(transactions.execute(status -> {
				List<Retention> due = retentions.lockDue(now, SWEEP_BATCH);
				due.forEach(retention -> retention.markEligible(now, actor));
				retentions.saveAll(due);
				return due.stream().map(Retention::getId).toList();
			}));
			count += batch.size();
			batch.stream().limit(Math.max(0, REPORTED_SUBJECTS - marked.size())).forEach(marked::add);
			if (batch.size() < SWEEP_BATCH) {
				break;
			}
		}
		return new SweepReport(count, marked, now);
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public PurgeReport purgeEligible(PurgeEligible command) {
		List<PurgeOutcome> outcomes = new ArrayList<>();
		for (SubjectRef subject : retentions.eligibleForPurge(command.limit())) {
			outcomes.add(purgeOne(subject, command.dryRun(), command.actor()));
		}
		int purged = (int) outcomes.stream()
			.filter(outcome -> outcome.outcome() == Outcome.PURGED || outcome.outcome() == Outcome.WOULD_PURGE)
			.count();
		return new PurgeReport(command.dryRun(), purged, outcomes.size() - purged, outcomes);
	}

	private PurgeOutcome purgeOne(SubjectRef subject, boolean dryRun, String actor) {
		RetentionSubjectHandler handler = handlers.orderedStream()
			.filter(candidate -> candidate.kind().equals(subject.kind()))
			.findFirst()
			.orElse(null);
		try {
			return Objects.requireNonNull(transactions.execute(status -> {
				Retention retention = retentions.findForUpdate(subject).orElseThrow();
				String blocker = retention.purgeBlocker();
				if (blocker != null) {
					return outcome(retention, retention.activeHolds().isEmpty() ? Outcome.SKIPPED_NOT_ELIGIBLE : Outcome.SKIPPED_HELD,
							blocker);
				}
				if (handler == null) {
					return outcome(retention, Outcome.NO_HANDLER, "No handler deletes subjects of kind " + subject.kind());
				}
				if (dryRun) {
					return outcome(retention, Outcome.WOULD_PURGE, null);
				}
				handler.purge(subject, retention.deletionStrategy());
				retention.purge(actor, clock.instant());
				retentions.save(retention);
				return outcome(retention, Outcome.PURGED, null);
			}));
		}
		catch (RuntimeException ex) {
			LOG.warn("Purging {} failed; it stays eligible", subject, ex);
			Optional<Retention> retention = retentions.findById(subject);
			return new PurgeOutcome(subject.kind(), subject.id(),
					retention.map(Retention::deletionStrategy).orElse(DeletionStrategy.PURGE),
					Outcome.FAILED, ex instanceof CodedException coded ? coded.getMessage()
							: "The handler of kind " + subject.kind() + " failed: " + ex.getClass().getSimpleName());
		}
	}

	private static PurgeOutcome outcome(Retention retention, Outcome outcome, @Nullable String detail) {
		return new PurgeOutcome(retention.getId().kind(), retention.getId().id(), retention.deletionStrategy(), outcome,
				detail);
	}

	@Override
	@Transactional(isolation = Isolation.REPEATABLE_READ)
	public RetentionViewsVerification verifyViews() {
		return rebuild.verify();
	}

	private Retention locked(SubjectRef subject) {
		return retentions.findForUpdate(subject)
			.orElseThrow(() -> new RetentionException(RetentionErrorCode.RETENTION_SUBJECT_NOT_FOUND,
					"Retention governs no subject " + subject));
	}

	private RetentionView save(Retention retention) {
		try {
			return view(retentions.save(retention));
		}
		catch (OptimisticLockingFailureException ex) {
			throw new RetentionException(RetentionErrorCode.RETENTION_CONFLICT,
					"The retention of " + retention.getId() + " was changed at the same time; read it again and retry");
		}
	}

	private RetentionView view(Retention retention) {
		Instant now = clock.instant();
		Instant expiresAt = retention.expiresAt();
		return new RetentionView(retention.getId().kind(), retention.getId().id(), retention.retentionClass(),
				retention.mode(), retention.deletionStrategy(), retention.appliedAt(), expiresAt,
				expiresAt != null && !expiresAt.isAfter(now),
				retention.activeHolds()
					.stream()
					.map(hold -> new HoldView(hold.id().value(), hold.reason(), hold.appliedAt(), hold.appliedBy()))
					.toList(),
				retention.eligible(), retention.eligibleAt(), retention.purged(), retention.purgedAt(),
				Objects.requireNonNull(retention.version()));
	}
}
