package dev.steward.policy.domain;

/** Appends to the policy event log within the current transaction. */
public interface PolicyLog {

	/** @return the sequence the event was given */
	long append(LoggedPolicyEvent event);
}
