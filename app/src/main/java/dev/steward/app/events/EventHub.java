package dev.steward.app.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * This instance's view of every context's log: a cursor per context, advanced by reading what is new when a
 * bell rings or the poll ticks, and a hot stream per context that carries each new entry once, in order.
 */
public class EventHub {

	private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

	private final Map<String, Channel<?>> channels;

	private final int pageSize;

	public EventHub(List<EventTail<?>> tails, int pageSize) {
		this.channels = tails.stream().collect(Collectors.toUnmodifiableMap(EventTail::context, Channel::new));
		this.pageSize = pageSize;
	}

	/** Starts every cursor at the current head of its log. */
	void start() {
		channels.values().forEach(Channel::startAtHead);
	}

	/** Reads what is new in the named contexts (unknown names are ignored) and emits it. */
	void poll(Collection<String> contexts) {
		for (String context : contexts) {
			Channel<?> channel = channels.get(context);
			if (channel != null) {
				channel.readNew(pageSize);
			}
		}
	}

	void pollAll() {
		poll(channels.keySet());
	}

	/** How often the hub has read each context: one read per context per bell, whatever the subscriber count. */
	public Map<String, Long> reads() {
		return channels.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> entry.getValue().reads.get()));
	}

	/** Every context's tail. */
	List<EventTail<?>> tails() {
		return channels.values().stream().<EventTail<?>>map(channel -> channel.tail).toList();
	}

	@SuppressWarnings("unchecked")
	<E> EventTail<E> tail(String context) {
		return (EventTail<E>) channel(context).tail;
	}

	@SuppressWarnings("unchecked")
	<E> Flux<E> live(String context) {
		return (Flux<E>) channel(context).sink.asFlux();
	}

	long cursor(String context) {
		return channel(context).cursor.get();
	}

	private Channel<?> channel(String context) {
		Channel<?> channel = channels.get(context);
		if (channel == null) {
			throw new IllegalArgumentException("No event log for context " + context);
		}
		return channel;
	}

	private static final class Channel<E> {

		final EventTail<E> tail;

		final AtomicLong cursor = new AtomicLong();

		final AtomicLong reads = new AtomicLong();

		final Sinks.Many<E> sink = Sinks.many().multicast().directBestEffort();

		Channel(EventTail<E> tail) {
			this.tail = tail;
		}

		void startAtHead() {
			cursor.set(tail.head());
		}

		synchronized void readNew(int pageSize) {
			List<E> page;
			do {
				reads.incrementAndGet();
				page = tail.after(cursor.get(), pageSize);
				for (E entry : page) {
					cursor.set(tail.sequenceOf(entry));
					Sinks.EmitResult result = sink.tryEmitNext(entry);
					if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
						LOG.debug("{} event {} not emitted: {}", tail.context(), tail.sequenceOf(entry), result);
					}
				}
			}
			while (page.size() == pageSize);
		}
	}

}
