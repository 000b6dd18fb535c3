package dev.steward.rules.domain;

import dev.steward.rules.RuleStateKind;
import dev.steward.rules.RulesErrorCode;
import dev.steward.rules.RulesException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jmolecules.ddd.types.ValueObject;
import org.jspecify.annotations.Nullable;

/**
 * A rule's operational state: enabled (the default), disabled, or clipped with a confidence ceiling that only
 * ever lowers a confidence; optionally until {@code expiresAt}, after which the rule is enabled again.
 */
public record RuleState(RuleStateKind kind, @Nullable Double confidenceMax, @Nullable Instant expiresAt,
		@Nullable String reason, @Nullable String setBy, @Nullable Instant setAt) implements ValueObject {

	public static final RuleState DEFAULT = new RuleState(RuleStateKind.ENABLED, null, null, null, null, null);

	/** The most characters a reason may have. */
	public static final int MAX_REASON = 1_000;

	public RuleState {
		if (confidenceMax != null && (confidenceMax.isNaN() || confidenceMax < 0 || confidenceMax > 1)) {
			throw invalid("confidenceMax must be between 0 and 1, was " + confidenceMax);
		}
		if (confidenceMax != null && kind != RuleStateKind.CLIPPED) {
			throw invalid("confidenceMax applies to the clipped state only, not to " + kind.value());
		}
		if (kind == RuleStateKind.CLIPPED && confidenceMax == null) {
			throw invalid("the clipped state needs a confidenceMax");
		}
		if (reason != null && reason.length() > MAX_REASON) {
			throw invalid("reason must have at most " + MAX_REASON + " characters");
		}
	}

	/**
	 * A state an operator asks for; its expiry, if any, must lie after {@code now}, and is kept to the microsecond,
	 * as PostgreSQL keeps it, so that the log and the views hold the same instant.
	 */
	/** The latest expiry a state takes: the end of the year 9999. */
	public static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59.999999Z");

	public static RuleState requested(RuleStateKind kind, @Nullable Double confidenceMax, @Nullable Instant expiresAt,
			@Nullable String reason, Instant now) {
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw invalid("expiresAt must lie in the future, was " + expiresAt);
		}
		if (expiresAt != null && expiresAt.isAfter(LATEST_EXPIRY)) {
			throw invalid("expiresAt must lie before the year 10000, was " + expiresAt);
		}
		return new RuleState(kind, confidenceMax, expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS),
				reason == null || reason.isBlank() ? null : reason, null, null);
	}

	/** Whether the state has expired at {@code now}, so that the rule counts as enabled. */
	public boolean expiredAt(Instant now) {
		return expiresAt != null && !expiresAt.isAfter(now);
	}

	/** The state in force at {@code now}: this one, or the default once it has expired. */
	public RuleState at(Instant now) {
		return expiredAt(now) ? DEFAULT : this;
	}

	/** Whether a rule in this state is evaluated at {@code now}. */
	public boolean activeAt(Instant now) {
		return at(now).kind != RuleStateKind.DISABLED;
	}

	/** The confidence a rule in this state emits for {@code base}: never more than the ceiling of a clipped rule. */
	public double ceiling(double base, Instant now) {
		RuleState inForce = at(now);
		return inForce.kind == RuleStateKind.CLIPPED && inForce.confidenceMax != null
				? Math.min(base, inForce.confidenceMax) : base;
	}

	private static RulesException invalid(String problem) {
		return new RulesException(RulesErrorCode.RULE_STATE_INVALID, problem);
	}
}
