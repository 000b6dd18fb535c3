package dev.steward.rules;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates an event against the rules in force: the pattern rules of its source kind that are enabled or
 * clipped, with confidences capped by the ceiling of a clipped rule. Rules of a {@code lifter:} kind are left to
 * external workers.
 */
public interface EvaluationFacade {

	/**
	 * @throws RulesException {@code RULE_SOURCE_KIND_UNKNOWN}, {@code RULE_EVENT_INVALID}
	 */
	Evaluation evaluate(EvaluateEvent event);

	/** Marks the rules in force as changed (another instance changed them), so that the next evaluation reloads them. */
	void refresh();

	/**
	 * @param sourceId the event's id; it goes into the tag ids, so that the same event gives the same tags
	 */
	record EvaluateEvent(String sourceKind, @Nullable String sourceId, Map<String, ?> payload) {
	}

	/** The rules that matched, in rule id order, and how many rules were considered. */
	record Evaluation(List<RuleMatch> matches, int rulesConsidered, long rulesSequence) {
	}

	record RuleMatch(String ruleId, int ruleVersion, String name, List<Tag> tags) {
	}

	/**
	 * One emitted technique.
	 * @param id a name-based UUID over source kind, source id, rule id, rule version, technique and
	 * sub-technique: the same for a re-evaluation, new for a new rule version
	 */
	record Tag(UUID id, String ruleId, String techniqueId, @Nullable String subTechniqueId, String tactic,
			double confidence, double baseConfidence, Map<String, Object> evidence) {
	}
}
