package dev.steward.registry.domain;

import dev.steward.kernel.events.LoggedEvent;

/** A domain event of the registry context, appended to the registry event log in the transaction that records it. */
public interface LoggedRegistryEvent extends LoggedEvent {
}
