package dev.steward.retention.application;

import dev.steward.kernel.events.LogEntry;
import dev.steward.retention.SubjectRef;
import java.util.List;

/** Reads a subject's entries of the retention log. */
public interface RetentionHistoryReads {

	/** Up to {@code limit} of the subject's retention entries with a sequence after {@code after}, in log order. */
	List<LogEntry> history(SubjectRef subject, long after, int limit);

	/** The sequence of the subject's latest retention entry, if it has any. */
	java.util.OptionalLong lastSequence(SubjectRef subject);
}
