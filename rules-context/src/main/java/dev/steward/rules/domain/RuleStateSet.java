package dev.steward.rules.domain;

import dev.steward.rules.RulesEvents;
import java.util.LinkedHashMap;
import java.util.Map;

/** An operator set a rule's operational state. The entry's actor and time are its {@code setBy} and {@code setAt}. */
public record RuleStateSet(RuleId ruleId, long revision, RuleState state, String actor) implements LoggedRuleEvent {

	@Override
	public String type() {
		return RulesEvents.STATE_SET;
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("rule_id", ruleId.value());
		payload.put("revision", revision);
		payload.put("state", state.kind().value());
		payload.put("confidence_max", state.confidenceMax());
		payload.put("expires_at", state.expiresAt() == null ? null : state.expiresAt().toString());
		payload.put("reason", state.reason());
		return payload;
	}
}
