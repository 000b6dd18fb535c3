package dev.steward.policy.domain;

import dev.steward.kernel.events.LoggedEvent;

/** A domain event of the policy context, appended to the policy event log in the transaction that records it. */
public interface LoggedPolicyEvent extends LoggedEvent {
}
