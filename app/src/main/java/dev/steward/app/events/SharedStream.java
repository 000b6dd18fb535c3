package dev.steward.app.events;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * One upstream shared by many members, each with its own bounded buffer. The upstream is subscribed once, with
 * unbounded demand, by {@link #start()}; every item it emits is offered to every member that has joined by then, and
 * each member hands it on as fast as its own subscriber asks. A member that lets more wait than the
 * {@link SubscriberBuffer} allows fails alone with {@link SubscriberFellBehind} and leaves; the others never wait for
 * it. When the upstream ends, every member ends the same way once it has taken what waits for it.
 * <p>
 * The upstream is cancelled when the last member leaves; from then on (and once the upstream has ended) nobody can
 * join, and {@code onClose} has run, once.
 *
 * @param <T> what the upstream emits
 */
public final class SharedStream<T> {

	private final Publisher<T> upstream;

	private final SubscriberBuffer buffer;

	private final ToLongFunction<T> sizeOf;

	private final Runnable onClose;

	private final List<Member> members = new CopyOnWriteArrayList<>();

	private final Upstream receiver = new Upstream();

	private boolean closed;

	private boolean started;

	/**
	 * @param upstream what the members share, subscribed by {@link #start()}
	 * @param buffer how much may wait for one member
	 * @param sizeOf about how many bytes an item takes while it waits
	 * @param onClose run once when the stream closes: its last member left, or the upstream ended
	 */
	public SharedStream(Publisher<T> upstream, SubscriberBuffer buffer, ToLongFunction<T> sizeOf, Runnable onClose) {
		this.upstream = upstream;
		this.buffer = buffer;
		this.sizeOf = sizeOf;
		this.onClose = onClose;
	}

	/**
	 * A new member, or null when the stream is closed. The member receives what the upstream emits from now on, held
	 * in its buffer until its subscriber subscribes and asks for it; cancelling the subscription leaves.
	 */
	public synchronized @Nullable Flux<T> join() {
		if (closed) {
			return null;
		}
		Member member = new Member();
		members.add(member);
		return Flux.create(member::attach, FluxSink.OverflowStrategy.BUFFER);
	}

	/** Subscribes the upstream; later calls do nothing. */
	public void start() {
		synchronized (this) {
			if (started || closed) {
				return;
			}
			started = true;
		}
		upstream.subscribe(receiver);
	}

	/** How many members the stream has now. */
	public int members() {
		return members.size();
	}

	public synchronized boolean isClosed() {
		return closed;
	}

	private void leave(Member member) {
		boolean last;
		synchronized (this) {
			if (!members.remove(member) || closed) {
				return;
			}
			last = members.isEmpty();
			if (last) {
				closed = true;
			}
		}
		if (last) {
			receiver.dispose();
			onClose.run();
		}
	}

	/** Closes the stream because its upstream ended; true if this call closed it. */
	private boolean closeAtEnd() {
		synchronized (this) {
			if (closed) {
				return false;
			}
			closed = true;
		}
		onClose.run();
		return true;
	}

	private final class Upstream extends BaseSubscriber<T> {

		@Override
		protected void hookOnSubscribe(Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		protected void hookOnNext(T item) {
			long size = sizeOf.applyAsLong(item);
			for (Member member : members) {
				member.offer(item, size);
			}
		}

		@Override
		protected void hookOnComplete() {
			closeAtEnd();
			for (Member member : members) {
				member.end(null);
			}
		}

		@Override
		protected void hookOnError(Throwable error) {
			closeAtEnd();
			for (Member member : members) {
				member.end(error);
			}
		}
	}

	/** One member's buffer: what the upstream offered and its subscriber has not asked for yet. */
	private final class Member {

		private final ArrayDeque<T> queue = new ArrayDeque<>();

		private final ArrayDeque<Long> sizes = new ArrayDeque<>();

		private long queuedBytes;

		private long demand;

		private @Nullable FluxSink<T> sink;

		private boolean ended;

		private @Nullable Throwable endError;

		private boolean done;

		private @Nullable SubscriberFellBehind failure;

		private boolean draining;

		synchronized void attach(FluxSink<T> sink) {
			if (done) {
				if (failure != null) {
					sink.error(failure);
				}
				else {
					sink.complete();
				}
				return;
			}
			this.sink = sink;
			sink.onRequest(this::requested);
			sink.onDispose(this::cancelled);
			drain();
		}

		synchronized void requested(long n) {
			demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
			drain();
		}

		void cancelled() {
			synchronized (this) {
				done = true;
				queue.clear();
				sizes.clear();
				queuedBytes = 0;
			}
			leave(this);
		}

		void offer(T item, long size) {
			SubscriberFellBehind fellBehind = null;
			synchronized (this) {
				if (done || ended) {
					return;
				}
				queue.add(item);
				sizes.add(size);
				queuedBytes += size;
				if (queue.size() > buffer.events() || (queuedBytes > buffer.bytes() && queue.size() > 1)) {
					String limit = queue.size() > buffer.events() ? "more than " + buffer.events() + " events waiting"
							: "more than " + buffer.bytes() + " bytes waiting";
					fellBehind = new SubscriberFellBehind(limit);
					failure = fellBehind;
					done = true;
					queue.clear();
					sizes.clear();
					queuedBytes = 0;
					if (sink != null) {
						sink.error(fellBehind);
					}
				}
				else {
					drain();
				}
			}
			if (fellBehind != null) {
				leave(this);
			}
		}

		synchronized void end(@Nullable Throwable error) {
			if (done || ended) {
				return;
			}
			ended = true;
			endError = error;
			drain();
		}

		/** Hands on what the subscriber asked for; at the end, the upstream's ending once nothing waits. */
		private void drain() {
			FluxSink<T> target = sink;
			if (draining || target == null) {
				return;
			}
			draining = true;
			try {
				while (demand > 0 && !queue.isEmpty() && !done) {
					T item = queue.poll();
					queuedBytes -= sizes.poll();
					demand--;
					target.next(item);
				}
				if (ended && queue.isEmpty() && !done) {
					done = true;
					Throwable error = endError;
					if (error == null) {
						target.complete();
					}
					else {
						target.error(error);
					}
				}
			}
			finally {
				draining = false;
			}
		}
	}
}
