package dev.steward.retention.application;

import java.util.Optional;
import java.util.function.Supplier;

/** A lock across every instance sharing the database, so that one of them runs a scheduled job at a time. */
public interface SweepLock {

	/** Runs {@code job} when no other instance holds the lock; empty when one does (the job did not run). */
	<T> Optional<T> runExclusively(Supplier<T> job);
}
