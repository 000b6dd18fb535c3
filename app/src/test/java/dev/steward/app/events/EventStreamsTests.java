package dev.steward.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/** The seam between replay and live, on an in-memory log. */
class EventStreamsTests {

	final InMemoryTail tail = new InMemoryTail();

	final EventHub hub = new EventHub(List.of(tail), 2);

	final EventStreams streams = new EventStreams(hub, new SubscriberBuffer(1000, 1 << 20));

	@Test
	void replaysFromTheCursorThenContinuesLiveWithoutGapOrDuplicate() throws Exception {
		tail.append(5);
		hub.start();
		tail.append(3);
		List<Long> received = new CopyOnWriteArrayList<>();

		Disposable subscription = streams.<Long>stream("memory", 2L).subscribe(received::add);
		waitFor(() -> received.size() == 6);
		hub.pollAll();
		tail.append(2);
		hub.pollAll();
		waitFor(() -> received.size() == 8);
		subscription.dispose();

		assertThat(received).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
	}

	@Test
	void withoutACursorStartsWhereTheHubIs() throws Exception {
		tail.append(4);
		hub.start();
		List<Long> received = new CopyOnWriteArrayList<>();

		Disposable subscription = streams.<Long>stream("memory", null).subscribe(received::add);
		Thread.sleep(200);
		tail.append(1);
		hub.pollAll();
		waitFor(() -> received.size() == 1);
		subscription.dispose();

		assertThat(received).containsExactly(5L);
	}

	@Test
	void fillsAGapFromTheLogWhenALiveEventComesAhead() throws Exception {
		hub.start();
		List<Long> received = new CopyOnWriteArrayList<>();
		Disposable subscription = streams.<Long>stream("memory", 0L).subscribe(received::add);
		Thread.sleep(200);
		tail.append(3);
		tail.hideFromReads(2);

		hub.pollAll();
		tail.hideFromReads(0);
		hub.pollAll();
		waitFor(() -> received.size() == 3);
		subscription.dispose();

		assertThat(received).containsExactly(1L, 2L, 3L);
	}

	@Test // GH-9
	void aSubscriberThatTakesNothingFailsOnceMoreEventsWaitThanItsBufferHolds() {
		EventStreams bounded = new EventStreams(hub, new SubscriberBuffer(10, 1 << 20));
		hub.start();

		StepVerifier.create(bounded.<Long>stream("memory", null), 0)
			.thenAwait(Duration.ofMillis(200))
			.then(() -> {
				tail.append(5000);
				hub.pollAll();
			})
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOf(SubscriberFellBehind.class)
				.hasMessageContaining("more than 10 events waiting")
				.satisfies(fellBehind -> assertThat(((SubscriberFellBehind) fellBehind).lastDelivered()).isZero()))
			.verify(Duration.ofSeconds(5));
	}

	@Test // GH-9
	void aSubscriberFailsOnceMoreBytesWaitThanItsBufferHolds() {
		EventStreams bounded = new EventStreams(hub, new SubscriberBuffer(1000, 4 * 512));
		hub.start();

		StepVerifier.create(bounded.<Long>stream("memory", null), 2)
			.thenAwait(Duration.ofMillis(200))
			.then(() -> {
				tail.append(100);
				hub.pollAll();
			})
			.expectNext(1L, 2L)
			.expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("bytes waiting")
				.satisfies(fellBehind -> assertThat(((SubscriberFellBehind) fellBehind).lastDelivered()).isEqualTo(2)))
			.verify(Duration.ofSeconds(5));
	}

	@Test // GH-9
	void aReplayThatIsNotTakenHoldsAtMostTheBufferAndDoesNotFail() {
		EventStreams bounded = new EventStreams(hub, new SubscriberBuffer(10, 1 << 20));
		tail.append(3000);
		hub.start();

		StepVerifier.create(bounded.<Long>stream("memory", 0L), 3)
			.expectNext(1L, 2L, 3L)
			.expectNoEvent(Duration.ofMillis(300))
			.thenRequest(2)
			.expectNext(4L, 5L)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test // GH-9
	void aSubscriberThatKeepsTakingReplaysALogMuchLargerThanItsBuffer() {
		EventStreams bounded = new EventStreams(hub, new SubscriberBuffer(10, 1 << 20));
		tail.append(3000);
		hub.start();

		List<Long> received = bounded.<Long>stream("memory", 0L).limitRate(4).take(3000).collectList()
			.block(Duration.ofSeconds(20));

		assertThat(received).hasSize(3000).isSorted().doesNotHaveDuplicates();
	}

	@Test // GH-9
	void liveEventsThatArriveDuringAReplayAreReadFromTheLogAfterIt() {
		EventStreams bounded = new EventStreams(hub, new SubscriberBuffer(10, 1 << 20));
		tail.append(200);
		hub.start();

		List<Long> received = bounded.<Long>stream("memory", 0L)
			.doOnNext(sequence -> {
				if (sequence == 100) {
					tail.append(50);
					hub.pollAll();
				}
			})
			.limitRate(3)
			.take(250)
			.collectList()
			.block(Duration.ofSeconds(20));

		assertThat(received).hasSize(250).isSorted().doesNotHaveDuplicates();
	}

	private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out");
			}
			Thread.sleep(10);
		}
	}

	/** A log of sequence numbers; it can pretend that its first entries are not yet visible to paged reads. */
	static final class InMemoryTail implements EventTail<Long> {

		private final List<Long> entries = new CopyOnWriteArrayList<>();

		private volatile int hidden;

		void append(int count) {
			for (int i = 0; i < count; i++) {
				entries.add((long) entries.size() + 1);
			}
		}

		void hideFromReads(int count) {
			hidden = count;
		}

		@Override
		public String context() {
			return "memory";
		}

		@Override
		public List<Long> after(long sequence, int limit) {
			return entries.stream().filter(entry -> entry > Math.max(sequence, hidden)).limit(limit).toList();
		}

		@Override
		public List<Long> between(long after, long upTo) {
			return entries.stream().filter(entry -> entry > after && entry <= upTo).toList();
		}

		@Override
		public long head() {
			return entries.size();
		}

		@Override
		public Instant createdAtOf(Long entry) {
			return Instant.EPOCH.plusSeconds(entry);
		}

		@Override
		public long sequenceOf(Long entry) {
			return entry;
		}
	}
}
