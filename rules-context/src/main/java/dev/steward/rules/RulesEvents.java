package dev.steward.rules;

import dev.steward.kernel.events.LogEntry;
import dev.steward.rules.RuleFacade.RuleStateView;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Typed readers of the rules event log. Every entry is one change of one rule: a definition, a deletion or a
 * state; {@link #change} reads any of them.
 */
public final class RulesEvents {

	public static final String UPSERTED = "v1.rule.upserted";

	public static final String DELETED = "v1.rule.deleted";

	public static final String STATE_SET = "v1.rule.state_set";

	public static final String STATE_CLEARED = "v1.rule.state_cleared";

	public static final String STATE_EXPIRED = "v1.rule.state_expired";

	private RulesEvents() {}

	/** What a change did to its rule. */
	public enum ChangeKind {
		/** A new or changed definition; the change carries the YAML source. */
		DEFINITION,
		/** The rule was removed, with its state. */
		DELETION,
		/** The rule's operational state changed; the change carries the new state. */
		STATE
	}

	/**
	 * One change of one rule, as a worker hot-reloads it.
	 * @param autoRevert whether the state reverted by itself because it expired
	 */
	public record RuleChange(long sequence, ChangeKind kind, String ruleId, long revision, @Nullable Integer ruleVersion,
			@Nullable String source, @Nullable RuleStateView state, boolean autoRevert, String actor, Instant at) {
	}

	/** The change an entry records; empty for an entry of no rules type. */
	public static Optional<RuleChange> change(LogEntry entry) {
		Map<String, Object> payload = entry.payload();
		String ruleId = (String) payload.get("rule_id");
		long revision = number(payload.get("revision"));
		return Optional.ofNullable(switch (entry.type()) {
			case UPSERTED -> new RuleChange(entry.sequence(), ChangeKind.DEFINITION, ruleId, revision,
					(int) number(payload.get("rule_version")), (String) payload.get("source"), null, false,
					entry.actor(), entry.createdAt());
			case DELETED -> new RuleChange(entry.sequence(), ChangeKind.DELETION, ruleId, revision, null, null, null,
					false, entry.actor(), entry.createdAt());
			case STATE_SET -> new RuleChange(entry.sequence(), ChangeKind.STATE, ruleId, revision, null, null,
					stateSet(entry), false, entry.actor(), entry.createdAt());
			case STATE_CLEARED -> new RuleChange(entry.sequence(), ChangeKind.STATE, ruleId, revision, null, null,
					RuleStateView.DEFAULT, false, entry.actor(), entry.createdAt());
			case STATE_EXPIRED -> new RuleChange(entry.sequence(), ChangeKind.STATE, ruleId, revision, null, null,
					RuleStateView.DEFAULT, true, entry.actor(), entry.createdAt());
			default -> null;
		});
	}

	/** The state a {@code state_set} entry records, stamped with its actor and time. */
	public static @Nullable RuleStateView stateSet(LogEntry entry) {
		if (!entry.type().equals(STATE_SET)) {
			return null;
		}
		Map<String, Object> payload = entry.payload();
		Object ceiling = payload.get("confidence_max");
		Object expiresAt = payload.get("expires_at");
		return new RuleStateView(RuleStateKind.of((String) payload.get("state")),
				ceiling == null ? null : ((Number) ceiling).doubleValue(),
				expiresAt == null ? null : Instant.parse((String) expiresAt), (String) payload.get("reason"),
				entry.actor(), entry.createdAt());
	}

	private static long number(@Nullable Object value) {
		return value instanceof Number number ? number.longValue() : 0L;
	}
}
