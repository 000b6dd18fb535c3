package dev.steward.retention;

import dev.steward.kernel.CodedException;
import dev.steward.kernel.IdempotencyKeys;
import dev.steward.kernel.KernelErrorCode;
import dev.steward.kernel.Keyed;
import dev.steward.kernel.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The retention of governed subjects: the default of a class applied when a subject is created, extend-only
 * expiry (shortening only in governance mode, by an admin, with a reason), named holds, the sweep that marks
 * expired and unheld subjects eligible for deletion, and the purge that deletes them through the
 * {@link RetentionSubjectHandler} of their kind. Every change is one transaction with the events it appends to the
 * retention log ({@code v1.retention.*}); the history of a subject is that log, in order.
 */
public interface RetentionFacade {

	/**
	 * Applies the class's default to a new subject, measured from {@code baseTime} (the creation event's time), and
	 * appends {@code v1.retention.default_applied}. Runs in the caller's transaction when there is one, so that an
	 * unknown class rolls the subject's creation back.
	 * @throws RetentionException {@code RETENTION_CLASS_UNKNOWN}, {@code RETENTION_ALREADY_APPLIED}
	 */
	RetentionView applyDefault(ApplyDefaultRetention command);

	Optional<RetentionView> find(SubjectRef subject);

	/** The retention of each subject that has one, in one read. */
	Map<SubjectRef, RetentionView> findAll(Collection<SubjectRef> subjects);

	/**
	 * Moves the expiry strictly later, with a reason; appends {@code v1.retention.extended}. An eligible subject that
	 * is extended is no longer eligible.
	 * @throws RetentionException {@code RETENTION_SUBJECT_NOT_FOUND}, {@code RETENTION_REASON_REQUIRED},
	 * {@code RETENTION_NOT_EXTENDABLE}, {@code RETENTION_SUBJECT_PURGED}
	 */
	RetentionView extend(ExtendRetention command);

	/**
	 * Moves the expiry earlier (governance mode only), with a reason; appends {@code v1.retention.shortened}.
	 * @throws RetentionException {@code RETENTION_SUBJECT_NOT_FOUND}, {@code RETENTION_REASON_REQUIRED},
	 * {@code RETENTION_COMPLIANCE_LOCKED}, {@code RETENTION_NOT_SHORTENABLE}, {@code RETENTION_SUBJECT_PURGED}
	 */
	RetentionView shorten(ShortenRetention command);

	/**
	 * Applies a named hold; the subject is held, and never purged, while any hold is active. Appends
	 * {@code v1.retention.hold_applied}. With an idempotency key, the same request again answers the first hold.
	 * @throws RetentionException {@code RETENTION_SUBJECT_NOT_FOUND}, {@code RETENTION_REASON_REQUIRED},
	 * {@code RETENTION_HOLD_LIMIT}, {@code RETENTION_SUBJECT_PURGED}
	 */
	HoldApplied applyHold(ApplyHold command);

	/**
	 * Releases an active hold; appends {@code v1.retention.hold_released}, and, when it was the last one of a subject
	 * already past its expiry, {@code v1.retention.deletion_eligible} in the same transaction.
	 * @throws RetentionException {@code RETENTION_SUBJECT_NOT_FOUND}, {@code RETENTION_REASON_REQUIRED},
	 * {@code RETENTION_HOLD_NOT_FOUND}
	 */
	RetentionView releaseHold(ReleaseHold command);

	/** The subject's retention events in log order, up to {@code size} after the position a cursor gave. */
	Page<RetentionEventView> history(SubjectRef subject, @Nullable Map<String, ?> after, int size);

	/** The log sequence of the subject's latest retention event, if it has one. */
	java.util.OptionalLong lastEventSequence(SubjectRef subject);

	/**
	 * Marks every subject whose expiry has passed, that no hold holds and that is not eligible yet, eligible for
	 * deletion ({@code v1.retention.deletion_eligible} each). Reads only such subjects, through an index.
	 */
	SweepReport sweep(String actor);

	/**
	 * Purges up to {@code limit} eligible subjects (strategy {@code purge} or {@code tombstone}; {@code manual} ones
	 * are left alone), each in its own transaction: its retention row is locked, a hold found active then skips it,
	 * its kind's handler deletes it and {@code v1.retention.purged} is appended. A dry run changes nothing and says
	 * what would be purged.
	 */
	PurgeReport purgeEligible(PurgeEligible command);

	/** Rebuilds every retention view from the retention log in a scratch schema and compares it with the live views. */
	RetentionViewsVerification verifyViews();

	/** Apply {@code retentionClass}'s default to {@code subject}, measured from {@code baseTime}. */
	record ApplyDefaultRetention(SubjectRef subject, String retentionClass, Instant baseTime, String actor) {
	}

	record ExtendRetention(SubjectRef subject, Instant newExpiresAt, String reason, String actor) {
	}

	record ShortenRetention(SubjectRef subject, Instant newExpiresAt, String reason, String actor) {
	}

	record ApplyHold(SubjectRef subject, String reason, String actor, @Nullable String idempotencyKey) {

		public ApplyHold {
			IdempotencyKeys.check(idempotencyKey);
		}

		public ApplyHold(SubjectRef subject, String reason, String actor) {
			this(subject, reason, actor, null);
		}
	}

	record ReleaseHold(SubjectRef subject, UUID holdId, String reason, String actor) {
	}

	/** Purge at most {@code limit} (1 to {@value #MAX_LIMIT}) eligible subjects; {@code dryRun} changes nothing. */
	record PurgeEligible(boolean dryRun, int limit, String actor) {

		public static final int MAX_LIMIT = 1_000;

		public PurgeEligible {
			if (limit < 1 || limit > MAX_LIMIT) {
				throw new CodedException(KernelErrorCode.INVALID_ARGUMENT,
						"limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
			}
		}
	}

	/**
	 * A subject's retention now. {@code expiresAt} null: it never expires. {@code expired}: the expiry has passed (by
	 * the server's clock). {@code mode} and {@code deletionStrategy} are the class's when its default applied.
	 */
	record RetentionView(String subjectKind, String subjectId, String retentionClass, RetentionMode mode,
			DeletionStrategy deletionStrategy, Instant appliedAt, @Nullable Instant expiresAt, boolean expired,
			List<HoldView> activeHolds, boolean eligible, @Nullable Instant eligibleAt, boolean purged,
			@Nullable Instant purgedAt, long version) {

		public SubjectRef subject() {
			return new SubjectRef(subjectKind, subjectId);
		}

		/** Whether any hold is active. */
		public boolean held() {
			return !activeHolds.isEmpty();
		}

		/** Whether what the subject kept is gone or may be deleted any time: purged, or expired and not held. */
		public boolean gone() {
			return purged || (expired && !held());
		}
	}

	/** An active hold. */
	record HoldView(UUID holdId, String reason, Instant appliedAt, String appliedBy) {
	}

	record HoldApplied(UUID holdId, RetentionView retention) {
	}

	/**
	 * One entry of the retention log. {@code payload} as JSON values; {@code payloadDigest} the SHA-256 of its
	 * canonical CBOR; {@code chainHash} its link in the log's hash chain.
	 */
	record RetentionEventView(long sequence, UUID eventId, String type, String subjectKind, String subjectId,
			String actor, Map<String, Object> payload, byte[] payloadCbor, String payloadDigest, String chainHash,
			Instant createdAt) implements Keyed {

		@Override
		public Map<String, Object> keyset() {
			return Map.of("sequence", sequence);
		}
	}

	/** What a sweep marked: how many subjects, and the first ones ({@code subjects} holds at most 100). */
	record SweepReport(int markedCount, List<SubjectRef> subjects, Instant sweptAt) {
	}

	/** What a purge did, or would do in a dry run, subject by subject. */
	record PurgeReport(boolean dryRun, int purgedCount, int skippedCount, List<PurgeOutcome> outcomes) {
	}

	/** One eligible subject's purge. {@code detail} says why it was skipped or what failed. */
	record PurgeOutcome(String subjectKind, String subjectId, DeletionStrategy deletionStrategy, Outcome outcome,
			@Nullable String detail) {

		public enum Outcome {
			/** Deleted by its kind's handler; {@code v1.retention.purged} was appended. */
			PURGED,
			/** A dry run found it would be purged. */
			WOULD_PURGE,
			/** A hold was active when its row was locked; nothing was deleted. */
			SKIPPED_HELD,
			/** It was no longer eligible when its row was locked (extended meanwhile); nothing was deleted. */
			SKIPPED_NOT_ELIGIBLE,
			/** No handler deletes subjects of its kind; nothing was deleted. */
			NO_HANDLER,
			/** Its handler failed; its purge rolled back. */
			FAILED
		}
	}

	/** Whether every retention view is what the log rebuilds, and each row where they disagree. */
	record RetentionViewsVerification(boolean consistent, long replayed, List<Difference> differences) {

		public record Difference(String view, String key, String problem) {
		}
	}
}
