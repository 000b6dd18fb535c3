package dev.steward.app.events;

import java.util.ArrayList;
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
 * no gap and no duplicate where the two meet. Live entries that arrive while the replay runs wait in order; an
 * entry that arrives ahead of the next expected sequence first pulls the missing ones from the log.
 */
public class EventStreams {

	private static final int REPLAY_PAGE = 500;

	private final EventHub hub;

	private final Scheduler replays = Schedulers.boundedElastic();

	public EventStreams(EventHub hub) {
		this.hub = hub;
	}

	/**
	 * Entries of the context's log after {@code after}, then live; with no cursor, live from now on.
	 */
	public <E> Flux<E> stream(String context, @Nullable Long after) {
		return Flux.create(sink -> {
			EventTail<E> tail = hub.tail(context);
			Seam<E> seam = new Seam<>(tail, sink, after == null ? hub.cursor(context) : Math.max(0, after));
			Disposable live = hub.<E>live(context).subscribe(seam::live, sink::error);
			sink.onDispose(Disposables.composite(live, replays.schedule(seam::replay)));
		}, FluxSink.OverflowStrategy.BUFFER);
	}

	private static final class Seam<E> {

		private final EventTail<E> tail;

		private final FluxSink<E> sink;

		private final List<E> waiting = new ArrayList<>();

		private long last;

		private boolean replaying = true;

		Seam(EventTail<E> tail, FluxSink<E> sink, long after) {
			this.tail = tail;
			this.sink = sink;
			this.last = after;
		}

		void replay() {
			try {
				List<E> page;
				do {
					page = tail.after(lastSeen(), REPLAY_PAGE);
					page.forEach(this::emitInOrder);
				}
				while (page.size() == REPLAY_PAGE && !sink.isCancelled());
				synchronized (this) {
					waiting.forEach(this::emitInOrder);
					waiting.clear();
					replaying = false;
				}
			}
			catch (RuntimeException ex) {
				sink.error(ex);
			}
		}

		synchronized void live(E entry) {
			if (replaying) {
				waiting.add(entry);
			}
			else {
				emitInOrder(entry);
			}
		}

		private synchronized long lastSeen() {
			return last;
		}

		private synchronized void emitInOrder(E entry) {
			long sequence = tail.sequenceOf(entry);
			if (sequence <= last) {
				return;
			}
			if (sequence > last + 1) {
				for (E missed : tail.between(last, sequence - 1)) {
					emit(missed);
				}
			}
			emit(entry);
		}

		private void emit(E entry) {
			last = tail.sequenceOf(entry);
			sink.next(entry);
		}
	}
}
