package dev.steward.kernel.events;

import org.jspecify.annotations.Nullable;

/**
 * What a walk along a log's hash chain found.
 * @param intact whether every entry up to {@code head} is there, in order, with its digest and chain hash right
 * @param checked how many entries were checked
 * @param firstBrokenSequence the first sequence where the log is not what was appended, or null when intact
 * @param problem what is wrong there, or null when intact
 * @param head the newest entry checked
 */
public record ChainVerification(String context, boolean intact, long checked, @Nullable Long firstBrokenSequence,
		@Nullable String problem, LogHead head) {

	static ChainVerification intact(LogHead head, long checked) {
		return new ChainVerification(head.context(), true, checked, null, null, head);
	}

	static ChainVerification broken(LogHead head, long checked, long sequence, String problem) {
		return new ChainVerification(head.context(), false, checked, sequence, problem, head);
	}
}
