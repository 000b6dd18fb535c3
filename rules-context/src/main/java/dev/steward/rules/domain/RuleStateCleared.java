package dev.steward.rules.domain;

import dev.steward.rules.RulesEvents;
import java.util.Map;

/** An operator reverted a rule's state to the default (enabled). */
public record RuleStateCleared(RuleId ruleId, long revision, String actor) implements LoggedRuleEvent {

	@Override
	public String type() {
		return RulesEvents.STATE_CLEARED;
	}

	@Override
	public Map<String, Object> payload() {
		return Map.of("rule_id", ruleId.value(), "revision", revision);
	}
}
