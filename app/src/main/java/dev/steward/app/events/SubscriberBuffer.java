package dev.steward.app.events;

/**
 * How much one subscriber may have waiting to be sent: at most {@code events} entries and about {@code bytes}
 * bytes (entries measured by {@link EventTail#sizeOf}). A subscriber that lets more pile up has fallen behind.
 *
 * @param events the most entries waiting
 * @param bytes the most bytes waiting
 */
public record SubscriberBuffer(int events, long bytes) {

	public SubscriberBuffer {
		if (events < 1) {
			throw new IllegalArgumentException(
					"steward.graphql.subscriptions.buffer-events must be positive but is " + events);
		}
		if (bytes < 1) {
			throw new IllegalArgumentException(
					"steward.graphql.subscriptions.buffer-bytes must be positive but is " + bytes);
		}
	}
}
