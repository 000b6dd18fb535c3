package dev.steward.app.events;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What each context's log holds lately: its newest sequence and how many entries it took in each of the last
 * minutes. The logs are read backwards from their head in pages, so the cost follows the recent traffic, not the
 * length of the log; a log busier than {@link #MAX_ENTRIES} entries in the window is counted up to that many.
 */
public class EventActivity {

	static final int PAGE = 500;

	/** The most entries read per log for one summary. */
	public static final int MAX_ENTRIES = 20_000;

	private final List<EventTail<?>> tails;

	public EventActivity(List<EventTail<?>> tails) {
		this.tails = tails.stream().sorted(Comparator.comparing(EventTail::context)).toList();
	}

	/**
	 * One summary per context that {@code wanted} accepts, ordered by context name, over the {@code minutes} minutes
	 * ending at {@code now}.
	 */
	public List<TailSummary> summaries(int minutes, Instant now, Predicate<String> wanted) {
		return tails.stream()
			.filter(tail -> wanted.test(tail.context()))
			.map(tail -> summary(tail, minutes, now))
			.toList();
	}

	private static <E> TailSummary summary(EventTail<E> tail, int minutes, Instant now) {
		Instant currentMinute = now.truncatedTo(ChronoUnit.MINUTES);
		Instant since = currentMinute.minus(Duration.ofMinutes(minutes - 1L));
		int[] counts = new int[minutes];
		long head = tail.head();
		long upTo = head;
		int read = 0;
		boolean older = false;
		while (upTo > 0 && !older && read < MAX_ENTRIES) {
			long from = Math.max(0, upTo - PAGE);
			List<E> page = tail.between(from, upTo);
			for (E entry : page) {
				Instant createdAt = tail.createdAtOf(entry);
				if (createdAt.isBefore(since)) {
					older = true;
				}
				else {
					long minute = Duration.between(since, createdAt.truncatedTo(ChronoUnit.MINUTES)).toMinutes();
					counts[(int) Math.min(minutes - 1, minute)]++;
				}
			}
			read += page.size();
			upTo = from;
		}
		List<MinuteCount> activity = new ArrayList<>(minutes);
		for (int i = 0; i < minutes; i++) {
			activity.add(new MinuteCount(since.plus(Duration.ofMinutes(i)), counts[i]));
		}
		return new TailSummary(tail.context(), head, activity);
	}

	/** A context's log: its name, newest sequence and entries per minute, oldest minute first. */
	public record TailSummary(String context, long head, List<MinuteCount> activity) {
	}

	/** The entries appended in the minute that starts at {@code minute}. */
	public record MinuteCount(Instant minute, int events) {
	}
}
