package dev.steward.retention.domain;

import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionErrorCode;
import dev.steward.retention.RetentionException;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jmolecules.ddd.types.AggregateRoot;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * The retention of one subject: the class, mode and deletion strategy its default came from, its expiry (null:
 * never), its active holds, and whether it is eligible for deletion or purged. Expiry moves later freely and earlier
 * only in governance mode; a subject is made eligible only once expired, unheld and not yet eligible; a purge needs
 * it eligible and unheld, and after it nothing changes any more.
 */
public final class Retention extends AbstractAggregateRoot<Retention> implements AggregateRoot<Retention, SubjectRef> {

	/** The most holds a subject may have active at once. */
	public static final int MAX_ACTIVE_HOLDS = 100;

	/** The longest reason, in characters. */
	public static final int MAX_REASON_LENGTH = 2_000;

	static final String EXPIRY_REACHED = "retention expiry reached";

	static final String RELEASED_AFTER_EXPIRY = "hold released after expiry";

	private final SubjectRef subject;

	private final String retentionClass;

	private final RetentionMode mode;

	private final DeletionStrategy deletionStrategy;

	private final Instant appliedAt;

	private @Nullable Instant expiresAt;

	private final List<Hold> activeHolds;

	private final List<Hold> appliedSinceLoad = new ArrayList<>();

	private final List<Hold.Release> releasedSinceLoad = new ArrayList<>();

	private boolean eligible;

	private @Nullable Instant eligibleAt;

	private boolean purged;

	private @Nullable Instant purgedAt;

	private @Nullable Long version;

	private Retention(SubjectRef subject, String retentionClass, RetentionMode mode, DeletionStrategy deletionStrategy,
			Instant appliedAt, @Nullable Instant expiresAt, List<Hold> activeHolds, boolean eligible,
			@Nullable Instant eligibleAt, boolean purged, @Nullable Instant purgedAt, @Nullable Long version) {
		this.subject = subject;
		this.retentionClass = retentionClass;
		this.mode = mode;
		this.deletionStrategy = deletionStrategy;
		this.appliedAt = appliedAt;
		this.expiresAt = expiresAt;
		this.activeHolds = new ArrayList<>(activeHolds);
		this.eligible = eligible;
		this.eligibleAt = eligibleAt;
		this.purged = purged;
		this.purgedAt = purgedAt;
		this.version = version;
	}

	/**
	 * The retention a new subject gets from its class: expiry measured from {@code baseTime}, the creation's time.
	 * Registers {@link RetentionDefaultApplied}.
	 */
	public static Retention applyDefault(SubjectRef subject, RetentionClass retentionClass, Instant baseTime,
			String actor) {
		Instant base = micros(baseTime);
		Instant expiresAt = retentionClass.expiryFrom(base);
		Retention retention = new Retention(subject, retentionClass.getId().value(), retentionClass.mode(),
				retentionClass.deletionStrategy(), base, expiresAt, List.of(), false, null, false, null, null);
		retention.registerEvent(new RetentionDefaultApplied(subject, retentionClass.getId().value(),
				retentionClass.mode(), retentionClass.deletionStrategy(), retentionClass.defaultDurationSeconds(), base,
				expiresAt, actor));
		return retention;
	}

	/** A retention as stored. */
	public static Retention restore(SubjectRef subject, String retentionClass, RetentionMode mode,
			DeletionStrategy deletionStrategy, Instant appliedAt, @Nullable Instant expiresAt, List<Hold> activeHolds,
			boolean eligible, @Nullable Instant eligibleAt, boolean purged, @Nullable Instant purgedAt, long version) {
		return new Retention(subject, retentionClass, mode, deletionStrategy, appliedAt, expiresAt, activeHolds,
				eligible, eligibleAt, purged, purgedAt, version);
	}

	/**
	 * Moves the expiry to {@code newExpiresAt}, strictly later than the current one. An eligible subject is no
	 * longer eligible afterwards (the sweep judges it again). Registers {@link RetentionExtended}.
	 * @throws RetentionException {@code RETENTION_REASON_REQUIRED}, {@code RETENTION_SUBJECT_PURGED},
	 * {@code RETENTION_NOT_EXTENDABLE} when the subject never expires or the new expiry is not later
	 */
	public void extend(Instant newExpiresAt, String reason, String actor) {
		String why = reason(reason);
		requireNotPurged();
		Instant target = micros(newExpiresAt);
		if (expiresAt == null) {
			throw new RetentionException(RetentionErrorCode.RETENTION_NOT_EXTENDABLE,
					subject + " never expires; there is no expiry to extend");
		}
		if (!target.isAfter(expiresAt)) {
			throw new RetentionException(RetentionErrorCode.RETENTION_NOT_EXTENDABLE, "The new expiry " + target
					+ " is not strictly later than the current expiry " + expiresAt + " of " + subject);
		}
		if (target.isAfter(expiresAt.plusSeconds(RetentionClass.MAX_DURATION_SECONDS))) {
			// the longest a class keeps anything; on a compliance subject a mistyped year could never be undone
			throw new RetentionException(RetentionErrorCode.RETENTION_NOT_EXTENDABLE, "The new expiry " + target
					+ " lies more than 100 years after the current expiry " + expiresAt + " of " + subject
					+ "; extend in steps of at most 100 years");
		}
		Instant previous = expiresAt;
		boolean wasEligible = eligible;
		expiresAt = target;
		eligible = false;
		eligibleAt = null;
		registerEvent(new RetentionExtended(subject, previous, target, why, wasEligible, actor));
	}

	/**
	 * Moves the expiry earlier (or gives one to a subject that never expired). Governance mode only. Registers
	 * {@link RetentionShortened}.
	 * @throws RetentionException {@code RETENTION_REASON_REQUIRED}, {@code RETENTION_SUBJECT_PURGED},
	 * {@code RETENTION_COMPLIANCE_LOCKED}, {@code RETENTION_NOT_SHORTENABLE} when the new expiry is not earlier
	 */
	public void shorten(Instant newExpiresAt, String reason, String actor) {
		String why = reason(reason);
		requireNotPurged();
		if (mode == RetentionMode.COMPLIANCE) {
			throw new RetentionException(RetentionErrorCode.RETENTION_COMPLIANCE_LOCKED, "The retention of " + subject
					+ " is in compliance mode (class " + retentionClass + "): nobody can shorten it");
		}
		Instant target = micros(newExpiresAt);
		if (expiresAt != null && !target.isBefore(expiresAt)) {
			throw new RetentionException(RetentionErrorCode.RETENTION_NOT_SHORTENABLE, "The new expiry " + target
					+ " is not earlier than the current expiry " + expiresAt + " of " + subject);
		}
		Instant previous = expiresAt;
		expiresAt = target;
		registerEvent(new RetentionShortened(subject, previous, target, why, actor));
	}

	/**
	 * Applies a named hold. Registers {@link HoldApplied}.
	 * @return the new hold's id
	 * @throws RetentionException {@code RETENTION_REASON_REQUIRED}, {@code RETENTION_SUBJECT_PURGED},
	 * {@code RETENTION_HOLD_LIMIT}
	 */
	public Hold.Id applyHold(String reason, String actor, Instant now) {
		String why = reason(reason);
		requireNotPurged();
		if (activeHolds.size() >= MAX_ACTIVE_HOLDS) {
			throw new RetentionException(RetentionErrorCode.RETENTION_HOLD_LIMIT,
					subject + " has " + MAX_ACTIVE_HOLDS + " active holds, the most it may have");
		}
		Hold hold = new Hold(Hold.Id.random(), why, micros(now), actor);
		activeHolds.add(hold);
		appliedSinceLoad.add(hold);
		registerEvent(new HoldApplied(subject, hold.id().value(), why, hold.appliedAt(), actor));
		return hold.id();
	}

	/**
	 * Releases an active hold. When it was the last one and the expiry has passed by {@code now}, the subject
	 * becomes eligible in the same change. Registers {@link HoldReleased}, then possibly {@link DeletionEligible}.
	 * @throws RetentionException {@code RETENTION_REASON_REQUIRED}, {@code RETENTION_HOLD_NOT_FOUND}
	 */
	public void releaseHold(Hold.Id holdId, String reason, String actor, Instant now) {
		String why = reason(reason);
		Hold hold = activeHolds.stream()
			.filter(candidate -> candidate.id().equals(holdId))
			.findFirst()
			.orElseThrow(() -> new RetentionException(RetentionErrorCode.RETENTION_HOLD_NOT_FOUND,
					"Hold " + holdId.value() + " is not an active hold of " + subject));
		activeHolds.remove(hold);
		releasedSinceLoad.add(new Hold.Release(hold.id(), why, micros(now), actor));
		registerEvent(new HoldReleased(subject, holdId.value(), why, actor));
		if (isDue(now)) {
			becomeEligible(now, RELEASED_AFTER_EXPIRY, actor);
		}
	}

	/**
	 * Marks the subject eligible for deletion because its expiry passed. Registers {@link DeletionEligible}.
	 * @throws IllegalStateException unless it is expired by {@code now}, unheld, not eligible and not purged
	 */
	public void markEligible(Instant now, String actor) {
		if (!isDue(now)) {
			throw new IllegalStateException(subject + " is not due: expires " + expiresAt + ", " + activeHolds.size()
					+ " active holds, eligible " + eligible + ", purged " + purged);
		}
		becomeEligible(now, EXPIRY_REACHED, actor);
	}

	/** Whether the subject should become eligible now: expired by {@code now}, unheld, not yet eligible. */
	public boolean isDue(Instant now) {
		return !purged && !eligible && activeHolds.isEmpty() && expiresAt != null && !expiresAt.isAfter(now);
	}

	/** Why a purge must leave the subject alone now, or null when it may be purged. */
	public @Nullable String purgeBlocker() {
		if (purged) {
			return subject + " was purged already";
		}
		if (!eligible) {
			return subject + " is not eligible for deletion";
		}
		if (!activeHolds.isEmpty()) {
			return subject + " has " + activeHolds.size() + " active hold(s)";
		}
		if (deletionStrategy == DeletionStrategy.MANUAL) {
			return subject + " is deleted only by hand (strategy manual)";
		}
		return null;
	}

	/**
	 * Records that the subject's kind deleted it by its strategy. Registers {@link SubjectPurged}.
	 * @throws IllegalStateException when {@link #purgeBlocker()} says why not
	 */
	public void purge(String actor, Instant now) {
		String blocker = purgeBlocker();
		if (blocker != null) {
			throw new IllegalStateException(blocker);
		}
		purged = true;
		purgedAt = micros(now);
		registerEvent(new SubjectPurged(subject, deletionStrategy, Objects.requireNonNull(expiresAt), actor));
	}

	private void becomeEligible(Instant now, String why, String actor) {
		eligible = true;
		eligibleAt = micros(now);
		registerEvent(new DeletionEligible(subject, Objects.requireNonNull(expiresAt), why, actor));
	}

	private void requireNotPurged() {
		if (purged) {
			throw new RetentionException(RetentionErrorCode.RETENTION_SUBJECT_PURGED,
					subject + " was purged at " + purgedAt + "; its retention can no longer change");
		}
	}

	private static String reason(String reason) {
		String stripped = reason == null ? "" : reason.strip();
		if (stripped.isEmpty()) {
			throw new RetentionException(RetentionErrorCode.RETENTION_REASON_REQUIRED, "A reason is required");
		}
		if (stripped.length() > MAX_REASON_LENGTH) {
			throw new RetentionException(RetentionErrorCode.RETENTION_REASON_REQUIRED,
					"A reason has at most " + MAX_REASON_LENGTH + " characters");
		}
		return stripped;
	}

	static Instant micros(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	@Override
	public SubjectRef getId() {
		return subject;
	}

	public String retentionClass() {
		return retentionClass;
	}

	public RetentionMode mode() {
		return mode;
	}

	public DeletionStrategy deletionStrategy() {
		return deletionStrategy;
	}

	public Instant appliedAt() {
		return appliedAt;
	}

	public @Nullable Instant expiresAt() {
		return expiresAt;
	}

	public List<Hold> activeHolds() {
		return List.copyOf(activeHolds);
	}

	/** The holds applied since the retention was loaded, for the repository to record. */
	public List<Hold> appliedSinceLoad() {
		return List.copyOf(appliedSinceLoad);
	}

	/** The holds released since the retention was loaded, for the repository to record. */
	public List<Hold.Release> releasedSinceLoad() {
		return List.copyOf(releasedSinceLoad);
	}

	public boolean eligible() {
		return eligible;
	}

	public @Nullable Instant eligibleAt() {
		return eligibleAt;
	}

	public boolean purged() {
		return purged;
	}

	public @Nullable Instant purgedAt() {
		return purgedAt;
	}

	public @Nullable Long version() {
		return version;
	}
}
