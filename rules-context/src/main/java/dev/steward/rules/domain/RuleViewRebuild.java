package dev.steward.rules.domain;

import dev.steward.rules.RuleFacade.RulesViewsVerification;

/** Rebuilds every rules view from the rules event log in a scratch schema and compares it with the live views. */
public interface RuleViewRebuild {

	/** Runs in the caller's transaction, which should read one snapshot of the log and the views. */
	RulesViewsVerification verify();
}
