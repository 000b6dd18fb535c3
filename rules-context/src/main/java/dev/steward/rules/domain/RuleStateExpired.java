package dev.steward.rules.domain;

import dev.steward.rules.RulesEvents;
import java.time.Instant;
import java.util.Map;

/** A rule's state reached its expiry and reverted to the default by itself. */
public record RuleStateExpired(RuleId ruleId, long revision, Instant expiresAt, String actor)
		implements LoggedRuleEvent {

	/** The actor recorded for reverts that Steward makes by itself. */
	public static final String ACTOR = "steward:rule-expiry";

	@Override
	public String type() {
		return RulesEvents.STATE_EXPIRED;
	}

	@Override
	public Map<String, Object> payload() {
		return Map.of("rule_id", ruleId.value(), "revision", revision, "expires_at", expiresAt.toString());
	}
}
