package dev.steward.policy.domain;

import java.util.OptionalLong;

/** Appends to the policy event log within the current transaction, and finds what a request appended before. */
public interface PolicyLog {

	/** @return the sequence the event was given */
	long append(LoggedPolicyEvent event);

	/** The sequence of the entry appended with the given idempotency key, if any. */
	OptionalLong sequenceOf(String idempotencyKey);
}
