package dev.steward.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** One upstream, many members, each with a buffer of its own. */
class SharedStreamTests {

	final Sinks.Many<Long> source = Sinks.many().multicast().directBestEffort();

	final AtomicInteger upstreamSubscriptions = new AtomicInteger();

	final AtomicInteger upstreamCancels = new AtomicInteger();

	final AtomicInteger closes = new AtomicInteger();

	final Flux<Long> upstream = source.asFlux()
		.doOnSubscribe(subscription -> upstreamSubscriptions.incrementAndGet())
		.doOnCancel(upstreamCancels::incrementAndGet);

	SharedStream<Long> shared(int bufferEvents) {
		return new SharedStream<>(upstream, new SubscriberBuffer(bufferEvents, 1 << 20), item -> 8,
				closes::incrementAndGet);
	}

	@Test
	void everyMemberReceivesEveryItemFromOneSubscriptionToTheUpstream() {
		SharedStream<Long> stream = shared(100);
		List<List<Long>> received = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(),
				new CopyOnWriteArrayList<>());
		List<Disposable> members = received.stream().map(into -> stream.join().subscribe(into::add)).toList();

		stream.start();
		emit(1, 2, 3);

		assertThat(upstreamSubscriptions).hasValue(1);
		assertThat(received).allSatisfy(items -> assertThat(items).containsExactly(1L, 2L, 3L));
		members.forEach(Disposable::dispose);
	}

	@Test
	void aMemberReceivesWhatCameAfterItJoined() {
		SharedStream<Long> stream = shared(100);
		List<Long> first = new CopyOnWriteArrayList<>();
		List<Long> second = new CopyOnWriteArrayList<>();
		Disposable one = stream.join().subscribe(first::add);
		stream.start();
		emit(1);

		Disposable two = stream.join().subscribe(second::add);
		emit(2);

		assertThat(first).containsExactly(1L, 2L);
		assertThat(second).containsExactly(2L);
		one.dispose();
		two.dispose();
	}

	@Test
	void aMemberHoldsWhatCameBeforeItsSubscriberSubscribed() {
		SharedStream<Long> stream = shared(100);
		Flux<Long> member = stream.join();
		stream.start();
		emit(1, 2);
		List<Long> received = new CopyOnWriteArrayList<>();

		Disposable subscription = member.subscribe(received::add);
		emit(3);

		assertThat(received).containsExactly(1L, 2L, 3L);
		subscription.dispose();
	}

	@Test // GH-10
	void aMemberThatTakesNothingFailsAloneWhileTheOthersReceiveEverything() {
		SharedStream<Long> stream = shared(5);
		List<Long> fast = new CopyOnWriteArrayList<>();
		Disposable fastMember = stream.join().subscribe(fast::add);
		Stalled slow = new Stalled();
		stream.join().subscribe(slow);
		stream.start();

		for (long i = 1; i <= 20; i++) {
			emit(i);
		}

		assertThat(slow.error).isInstanceOf(SubscriberFellBehind.class)
			.hasMessageContaining("more than 5 events waiting");
		assertThat(fast).hasSize(20).isSorted().doesNotHaveDuplicates();
		assertThat(stream.members()).isEqualTo(1);
		assertThat(upstreamCancels).hasValue(0);
		fastMember.dispose();
	}

	@Test
	void aMemberThatAsksSlowlyButWithinItsBufferGetsEverythingInOrder() {
		SharedStream<Long> stream = shared(5);
		Stalled slow = new Stalled();
		stream.join().subscribe(slow);
		stream.start();

		emit(1, 2, 3, 4, 5);
		slow.take(3);
		emit(6, 7, 8);
		slow.take(10);

		assertThat(slow.error).isNull();
		assertThat(slow.items).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
		slow.dispose();
	}

	@Test
	void aMemberLeavingDoesNotStopTheOthers() {
		SharedStream<Long> stream = shared(100);
		List<Long> staying = new CopyOnWriteArrayList<>();
		Disposable stays = stream.join().subscribe(staying::add);
		Disposable leaves = stream.join().subscribe();
		stream.start();
		emit(1);

		leaves.dispose();
		emit(2);

		assertThat(staying).containsExactly(1L, 2L);
		assertThat(stream.members()).isEqualTo(1);
		assertThat(upstreamCancels).hasValue(0);
		assertThat(closes).hasValue(0);
		stays.dispose();
	}

	@Test
	void theLastMemberLeavingCancelsTheUpstreamAndClosesTheStreamToNewMembers() {
		SharedStream<Long> stream = shared(100);
		Disposable one = stream.join().subscribe();
		Disposable two = stream.join().subscribe();
		stream.start();

		one.dispose();
		two.dispose();

		assertThat(upstreamCancels).hasValue(1);
		assertThat(closes).hasValue(1);
		assertThat(stream.isClosed()).isTrue();
		assertThat(stream.join()).isNull();
	}

	@Test
	void theUpstreamEndingEndsEveryMemberAfterWhatWaitsForIt() {
		SharedStream<Long> stream = shared(100);
		Stalled member = new Stalled();
		stream.join().subscribe(member);
		stream.start();
		emit(1, 2);

		source.tryEmitError(new IllegalStateException("log unreadable"));
		assertThat(member.error).isNull();
		member.take(2);

		assertThat(member.items).containsExactly(1L, 2L);
		assertThat(member.error).hasMessage("log unreadable");
		assertThat(closes).hasValue(1);
		assertThat(stream.join()).isNull();
	}

	private void emit(long... items) {
		for (long item : items) {
			assertThat(source.tryEmitNext(item).isSuccess()).isTrue();
		}
	}

	/** A subscriber that asks for nothing until told to. */
	static final class Stalled extends BaseSubscriber<Long> {

		final List<Long> items = new CopyOnWriteArrayList<>();

		volatile Throwable error;

		@Override
		protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
		}

		@Override
		protected void hookOnNext(Long value) {
			items.add(value);
		}

		@Override
		protected void hookOnError(Throwable throwable) {
			error = throwable;
		}

		void take(long n) {
			request(n);
		}
	}
}
