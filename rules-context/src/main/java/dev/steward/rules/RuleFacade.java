package dev.steward.rules;

import dev.steward.kernel.Keyed;
import dev.steward.kernel.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Detection rules and their operational state: reading them, changing their definitions (through the configured
 * store) and their state. Every change is one entry of the rules event log.
 */
public interface RuleFacade {

	/** Rules ordered by id, after the rule whose sort keys are given. */
	Page<RuleView> list(RuleFilter filter, @Nullable Map<String, ?> after, int size);

	Optional<RuleView> find(String ruleId);

	/** Every definition the rule id has had, newest first, deletions included. */
	List<RuleRevisionView> history(String ruleId);

	/** {@link #history(String)} of several rule ids in one read, keyed by id (an id with none maps to an empty list). */
	Map<String, List<RuleRevisionView>> histories(java.util.Collection<String> ruleIds);

	/**
	 * Validates the YAML and, when it differs from the rule in force, makes it the rule's new definition.
	 * @throws RulesException {@code RULE_INVALID} with every problem; the rule in force stays
	 */
	RuleView upsert(UpsertRule command);

	/** Removes the rule and its state; {@code RULE_NOT_FOUND} when there is none. */
	void delete(String ruleId, String actor);

	/** Sets the rule's operational state; {@code RULE_NOT_FOUND} for an unknown rule. */
	RuleView setState(SetRuleState command);

	/** Reverts the rule's state to the default (enabled). */
	RuleView clearState(String ruleId, String actor);

	/** The state of a rule: the default for an unknown rule or an expired state, never null. */
	RuleStateView state(String ruleId);

	/** Rebuilds every rules view from the log in a scratch schema and reports where it differs from the live one. */
	RulesViewsVerification verifyViews();

	/** Which store holds the rule definitions, and the directory it watches, if any. */
	StoreInfo store();

	record UpsertRule(String yaml, String actor) {
	}

	record SetRuleState(String ruleId, RuleStateKind state, @Nullable Double confidenceMax,
			@Nullable Instant expiresAt, @Nullable String reason, String actor) {
	}

	/** Selects rules: any of the given values matches; null selects all. */
	record RuleFilter(@Nullable SourceKind sourceKind, @Nullable RuleStateKind state, @Nullable Boolean external) {

		public static RuleFilter none() {
			return new RuleFilter(null, null, null);
		}
	}

	/** A rule as it is in force. */
	record RuleView(String ruleId, int ruleVersion, String name, @Nullable String description,
			List<SourceKind> appliesTo, MatchView match, boolean external, List<EmitView> emits,
			List<String> evidenceFields, String source, long revision, Instant updatedAt, String updatedBy,
			RuleStateView state) implements Keyed {

		public String id() {
			return ruleId;
		}

		@Override
		public Map<String, Object> keyset() {
			return Map.of("ruleId", ruleId);
		}
	}

	/**
	 * How a rule matches: a pattern over a field, or a {@code lifter:…} kind that an external worker evaluates
	 * with its parameters.
	 */
	record MatchView(@Nullable String kind, @Nullable String field, @Nullable String pattern,
			Map<String, Object> parameters) {
	}

	record EmitView(String techniqueId, @Nullable String subTechniqueId, String tactic, double confidence) {
	}

	/** A rule's operational state; {@code setBy} and {@code setAt} are null for the default. */
	record RuleStateView(RuleStateKind state, @Nullable Double confidenceMax, @Nullable Instant expiresAt,
			@Nullable String reason, @Nullable String setBy, @Nullable Instant setAt) {

		public static final RuleStateView DEFAULT = new RuleStateView(RuleStateKind.ENABLED, null, null, null, null,
				null);
	}

	/** One definition of a rule id; a deletion has no source. */
	record RuleRevisionView(String ruleId, long revision, @Nullable Integer ruleVersion, @Nullable String source,
			boolean deleted, String actor, Instant changedAt, long sequence) {
	}

	record RulesViewsVerification(boolean consistent, long eventsReplayed, List<Difference> differences) {

		public record Difference(String view, String key, String problem) {
		}
	}

	/**
	 * {@code database} or {@code filesystem}; the watched directory, if any, and the rule files in it that are not
	 * in force because they failed to load (file name and problem), in file name order.
	 */
	record StoreInfo(String kind, @Nullable String directory, List<String> problems) {

		public StoreInfo {
			problems = List.copyOf(problems);
		}
	}
}
