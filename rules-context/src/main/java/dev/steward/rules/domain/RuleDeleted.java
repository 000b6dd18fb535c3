package dev.steward.rules.domain;

import dev.steward.rules.RulesEvents;
import java.util.Map;

/** A rule was removed, with its operational state. */
public record RuleDeleted(RuleId ruleId, long revision, String actor) implements LoggedRuleEvent {

	@Override
	public String type() {
		return RulesEvents.DELETED;
	}

	@Override
	public Map<String, Object> payload() {
		return Map.of("rule_id", ruleId.value(), "revision", revision);
	}
}
