package dev.steward.registry.domain;

import java.time.Instant;

/** The database's clock, as the event log stamps entries with it. */
public interface TransactionClock {

	/** The database clock now, in microseconds as the log keeps times. */
	Instant now();
}
