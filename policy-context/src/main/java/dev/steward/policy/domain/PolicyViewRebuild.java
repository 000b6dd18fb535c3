package dev.steward.policy.domain;

import dev.steward.policy.PolicyFacade.PolicyViewsVerification;

/** Rebuilds every policy view from the policy event log in a scratch schema and compares it with the live views. */
public interface PolicyViewRebuild {

	/** Runs in the caller's transaction, which should read one snapshot of the log and the views. */
	PolicyViewsVerification verify();
}
