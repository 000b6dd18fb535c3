package dev.steward.app.events;

import java.time.Instant;
import java.util.List;

/**
 * How the fan-out reads one context's event log. Each context offers these reads through its published API;
 * the app adapts them here, so no context knows of another.
 * @param <E> the context's log entry type
 */
public interface EventTail<E> {

	/** The context's name as its doorbell says it: {@code policy}, {@code rules}, … */
	String context();

	/** Up to {@code limit} entries after {@code sequence}, in sequence order. */
	List<E> after(long sequence, int limit);

	/** The entries in {@code (after, upTo]}, in sequence order. */
	List<E> between(long after, long upTo);

	/** The newest sequence, 0 for an empty log. */
	long head();

	long sequenceOf(E entry);

	/** About how many bytes the entry takes while it waits to be sent; counted against a subscriber's buffer. */
	default long sizeOf(E entry) {
		return 512;
	}

	/** When the entry was appended, by the database clock. */
	Instant createdAtOf(E entry);
}
