package dev.steward.rules.domain;

import dev.steward.kernel.events.LoggedEvent;

/** A change of one rule, appended to the rules event log in the transaction that records it. */
public sealed interface LoggedRuleEvent extends LoggedEvent
		permits RuleUpserted, RuleDeleted, RuleStateSet, RuleStateCleared, RuleStateExpired {

	RuleId ruleId();

	@Override
	default String subjectKind() {
		return "rule";
	}

	@Override
	default String subjectId() {
		return ruleId().value();
	}
}
