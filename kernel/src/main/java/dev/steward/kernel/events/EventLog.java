package dev.steward.kernel.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A context's append-only event log. Sequences start at 1, have no gaps and become visible in order, so reading
 * "after the last sequence seen" never skips an entry.
 */
public interface EventLog {

	/** The context whose log this is; also its schema. */
	String context();

	/**
	 * Appends the event in the current transaction (there must be one).
	 * @return the entry as stored, with its sequence and chain hash
	 */
	LogEntry append(LoggedEvent event);

	/**
	 * Appends the events in the current transaction, in their order, as {@link #append} would one by one; a log may
	 * do it in one statement.
	 * @return the entries as stored, in sequence order
	 */
	default List<LogEntry> appendAll(List<? extends LoggedEvent> events) {
		return events.stream().map(this::append).toList();
	}

	/** Up to {@code limit} entries with a sequence greater than {@code after}, in sequence order. */
	List<LogEntry> after(long after, int limit);

	/** Entries with a sequence in {@code (after, upTo]}, in sequence order. */
	List<LogEntry> between(long after, long upTo);

	/** The entry with the given sequence. */
	Optional<LogEntry> entry(long sequence);

	/** The entry appended with the given idempotency key. */
	Optional<LogEntry> byIdempotencyKey(String key);

	/**
	 * Takes the log's append lock for the rest of the current transaction and reads the database clock: a time no
	 * earlier than any entry's before it, for an entry appended next in this transaction whose payload names its own
	 * time ({@link LoggedEvent#recordedAt()}).
	 */
	Instant timeForNextEntry();

	/** The sequence of the newest entry, 0 when the log is empty. */
	long head();

	/** The newest entry's sequence and chain hash. */
	LogHead chainHead();

	/**
	 * Walks the whole log from sequence 1: every sequence present once and in order, every payload deterministic
	 * CBOR whose SHA-256 is its digest, every chain hash computed again from the previous one. Reports the first
	 * entry that fails.
	 */
	ChainVerification verify();
}
