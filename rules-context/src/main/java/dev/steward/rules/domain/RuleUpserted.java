package dev.steward.rules.domain;

import dev.steward.rules.RulesEvents;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rule got a new definition: created, or changed. */
public record RuleUpserted(RuleId ruleId, long revision, int ruleVersion, String name, String source, String actor)
		implements LoggedRuleEvent {

	@Override
	public String type() {
		return RulesEvents.UPSERTED;
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("rule_id", ruleId.value());
		payload.put("revision", revision);
		payload.put("rule_version", (long) ruleVersion);
		payload.put("name", name);
		payload.put("source", source);
		return payload;
	}
}
