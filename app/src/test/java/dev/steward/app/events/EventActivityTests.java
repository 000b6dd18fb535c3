package dev.steward.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.events.EventActivity.MinuteCount;
import dev.steward.app.events.EventActivity.TailSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventActivityTests {

	static final Instant NOW = Instant.parse("2026-11-28T19:30:20Z");

	@Test
	void countsEachMinuteOfTheWindowAndNothingOlder() {
		TimedTail tail = new TimedTail("policy", List.of(Instant.parse("2026-11-28T19:26:59Z"),
				Instant.parse("2026-11-28T19:27:00Z"), Instant.parse("2026-11-28T19:27:30Z"),
				Instant.parse("2026-11-28T19:30:01Z"), Instant.parse("2026-11-28T19:30:19Z")));

		TailSummary summary = new EventActivity(List.of(tail)).summaries(4, NOW, context -> true).getFirst();

		assertThat(summary.head()).isEqualTo(5);
		assertThat(summary.activity()).extracting(MinuteCount::minute)
			.containsExactly(Instant.parse("2026-11-28T19:27:00Z"), Instant.parse("2026-11-28T19:28:00Z"),
					Instant.parse("2026-11-28T19:29:00Z"), Instant.parse("2026-11-28T19:30:00Z"));
		assertThat(summary.activity()).extracting(MinuteCount::events).containsExactly(2, 0, 0, 2);
	}

	@Test
	void readsBackwardsFromTheHeadOnlyAsFarAsTheWindow() {
		List<Instant> times = new ArrayList<>();
		for (int i = 0; i < 3 * EventActivity.PAGE; i++) {
			times.add(Instant.parse("2026-11-28T10:00:00Z"));
		}
		times.add(Instant.parse("2026-11-28T19:30:00Z"));
		TimedTail tail = new TimedTail("policy", times);

		TailSummary summary = new EventActivity(List.of(tail)).summaries(60, NOW, context -> true).getFirst();

		assertThat(summary.activity().getLast().events()).isEqualTo(1);
		assertThat(summary.activity()).extracting(MinuteCount::events).containsOnly(0, 1);
		assertThat(tail.read).isLessThanOrEqualTo(EventActivity.PAGE + 1);
	}

	@Test
	void leavesOutTheContextsItIsNotAskedAbout() {
		EventActivity activity = new EventActivity(List.of(new TimedTail("rules", List.of()),
				new TimedTail("policy", List.of())));

		assertThat(activity.summaries(1, NOW, context -> true)).extracting(TailSummary::context)
			.containsExactly("policy", "rules");
		assertThat(activity.summaries(1, NOW, "policy"::equals)).extracting(TailSummary::context)
			.containsExactly("policy");
	}

	/** A log whose entry {@code n} (from 1) was appended at {@code times[n - 1]}. */
	static final class TimedTail implements EventTail<Long> {

		final String context;

		final List<Instant> times;

		int read;

		TimedTail(String context, List<Instant> times) {
			this.context = context;
			this.times = times;
		}

		@Override
		public String context() {
			return context;
		}

		@Override
		public List<Long> after(long sequence, int limit) {
			return between(sequence, Math.min(times.size(), sequence + limit));
		}

		@Override
		public List<Long> between(long after, long upTo) {
			List<Long> entries = new ArrayList<>();
			for (long sequence = after + 1; sequence <= upTo; sequence++) {
				entries.add(sequence);
			}
			read += entries.size();
			return entries;
		}

		@Override
		public long head() {
			return times.size();
		}

		@Override
		public long sequenceOf(Long entry) {
			return entry;
		}

		@Override
		public Instant createdAtOf(Long entry) {
			return times.get((int) (entry - 1));
		}
	}
}
