package dev.steward.policy;

import java.util.List;

/**
 * The policy context's append-only event log. Sequences are gapless and become visible in order, so reading
 * "after the last sequence seen" never skips an event.
 */
public interface PolicyEventLog {

	/** Up to {@code limit} entries with a sequence greater than {@code after}, in sequence order. */
	List<PolicyLogEntry> after(long after, int limit);

	/** Entries with a sequence in {@code (after, upTo]}, in sequence order. */
	List<PolicyLogEntry> between(long after, long upTo);

	/** The sequence of the newest entry, 0 when the log is empty. */
	long head();
}
