package dev.steward.app.events;

import java.util.ArrayDeque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A subscriber's view of one log: the entries after its cursor, read from the log, then the live entries, with
 * no gap and no duplicate where the two meet. The replay reads a page only when the subscriber has room for it,
 * and takes from it only what fits (the rest is read again later), so that a replay never overfills a buffer;
 * live entries that arrive during the replay are not kept (the log has them): only the newest sequence seen is,
 * and what lies between the replay's end and it is read from the log. An entry that arrives ahead of the next
 * expected sequence first pulls the missing ones from the log.
 * <p>
 * What waits for the subscriber to take it is bounded by the {@link SubscriberBuffer}: a subscriber that lets more
 * pile up fails with {@link SubscriberFellBehind}, and resumes from the log with its cursor.
 */
public class EventStreams {

	static final int REPLAY_PAGE = 500;

	private final EventHub hub;

	private final SubscriberBuffer buffer;

	private final Scheduler replays = Schedulers.boundedElastic();

	public EventStreams(EventHub hub, SubscriberBuffer buffer) {
		this.hub = hub;
		this.buffer = buffer;
	}

	/**
	 * Entries of the context's log after {@code after}, then live; with no cursor, live from now on.
	 */
	public <E> Flux<E> stream(String context, @Nullable Long after) {
		return Flux.create(sink -> {
			EventTail<E> tail = hub.tail(context);
			Seam<E> seam = new Seam<>(tail, sink, after == null ? hub.cursor(context) : Math.max(0, after), buffer,
					replays);
			Disposable live = hub.<E>live(context).subscribe(seam::live, seam::fail);
			sink.onRequest(seam::requested);
			sink.onDispose(Disposables.composite(live, seam::stop));
			seam.startReplay();
		}, FluxSink.OverflowStrategy.BUFFER);
	}

	private static final class Seam<E> {

		private final EventTail<E> tail;

		private final FluxSink<E> sink;

		private final SubscriberBuffer buffer;

		private final Scheduler replays;

		private final ArrayDeque<E> queue = new ArrayDeque<>();

		private long queuedBytes;

		private long demand;

		/** The sequence of the newest entry queued or delivered. */
		private long last;

		/** The sequence of the newest entry handed to the subscriber. */
		private long delivered;

		/** The newest live sequence seen while replaying. */
		private long newestLive;

		private boolean replaying = true;

		private boolean replayScheduled;

		private boolean draining;

		private boolean done;

		private Disposable replayTask = Disposables.disposed();

		Seam(EventTail<E> tail, FluxSink<E> sink, long after, SubscriberBuffer buffer, Scheduler replays) {
			this.tail = tail;
			this.sink = sink;
			this.buffer = buffer;
			this.replays = replays;
			this.last = after;
			this.delivered = after;
		}

		synchronized void startReplay() {
			scheduleReplayIfRoom();
		}

		synchronized void stop() {
			done = true;
			queue.clear();
			queuedBytes = 0;
			replayTask.dispose();
		}

		synchronized void fail(Throwable error) {
			if (!done) {
				done = true;
				queue.clear();
				sink.error(error);
			}
		}

		synchronized void requested(long n) {
			demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
			drain();
			scheduleReplayIfRoom();
		}

		synchronized void live(E entry) {
			if (done) {
				return;
			}
			if (replaying) {
				newestLive = Math.max(newestLive, tail.sequenceOf(entry));
				return;
			}
			emitInOrder(entry);
			drain();
		}

		/** Reads one page of the log into the queue; schedules the next while there is room, else waits for it. */
		private void replayStep() {
			long from;
			int room;
			synchronized (this) {
				replayScheduled = false;
				if (done) {
					return;
				}
				from = last;
				room = roomForPage();
			}
			List<E> page;
			try {
				page = tail.after(from, room);
			}
			catch (RuntimeException ex) {
				fail(ex);
				return;
			}
			synchronized (this) {
				if (done) {
					return;
				}
				boolean full = false;
				for (E entry : page) {
					if (!hasRoom()) {
						full = true;
						break;
					}
					emitInOrder(entry);
				}
				if (!full && page.size() < room && !done) {
					replaying = false;
					if (newestLive > last) {
						try {
							tail.between(last, newestLive).forEach(this::emitInOrder);
						}
						catch (RuntimeException ex) {
							fail(ex);
							return;
						}
					}
				}
				drain();
				scheduleReplayIfRoom();
			}
		}

		private int roomForPage() {
			return Math.max(1, Math.min(REPLAY_PAGE, buffer.events() - queue.size()));
		}

		private boolean hasRoom() {
			return queue.size() < buffer.events() && queuedBytes < buffer.bytes();
		}

		private void scheduleReplayIfRoom() {
			if (replaying && !replayScheduled && !done && hasRoom()) {
				replayScheduled = true;
				replayTask = replays.schedule(this::replayStep);
			}
		}

		private void emitInOrder(E entry) {
			long sequence = tail.sequenceOf(entry);
			if (done || sequence <= last) {
				return;
			}
			if (sequence > last + 1) {
				for (E missed : tail.between(last, sequence - 1)) {
					enqueue(missed);
				}
			}
			enqueue(entry);
		}

		private void enqueue(E entry) {
			if (done) {
				return;
			}
			last = tail.sequenceOf(entry);
			queue.add(entry);
			queuedBytes += tail.sizeOf(entry);
			if (queue.size() > buffer.events() || (queuedBytes > buffer.bytes() && queue.size() > 1)) {
				String limit = queue.size() > buffer.events() ? "more than " + buffer.events() + " events waiting"
						: "more than " + buffer.bytes() + " bytes waiting";
				fail(new SubscriberFellBehind(tail.context(), delivered, limit));
				return;
			}
			drain();
		}

		private void drain() {
			if (draining) {
				return;
			}
			draining = true;
			try {
				while (demand > 0 && !queue.isEmpty() && !done) {
					E entry = queue.poll();
					queuedBytes -= tail.sizeOf(entry);
					demand--;
					delivered = tail.sequenceOf(entry);
					sink.next(entry);
				}
			}
			finally {
				draining = false;
			}
		}
	}
}
