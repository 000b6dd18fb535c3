package dev.steward.registry.domain;

import java.time.Instant;

/** The time the registry's next event in the current transaction carries, as its log stamps it. */
public interface TransactionClock {

	/**
	 * The database clock, read once the registry log's append lock is held for the rest of the transaction: the
	 * time of the event appended next (a finalized manifest names its finalize event's own time), in microseconds
	 * as the log keeps times.
	 */
	Instant forNextEvent();
}
