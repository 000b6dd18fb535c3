package dev.steward.app.events;

/**
 * Ends a subscriber's stream when it has not taken the events offered to it and its buffer is full. Nothing is
 * lost: the events stay in the log, and the subscriber resumes from {@link #lastDelivered()} with {@code after}.
 */
public class SubscriberFellBehind extends RuntimeException {

	private final long lastDelivered;

	SubscriberFellBehind(String context, long lastDelivered, String limit) {
		super("The subscriber to the " + context + " log fell behind (" + limit + "); resume after sequence "
				+ lastDelivered, null, false, false);
		this.lastDelivered = lastDelivered;
	}

	/** A member of a {@link SharedStream}, which does not know the sequences of what it carries. */
	SubscriberFellBehind(String limit) {
		super("The subscriber fell behind (" + limit + "); resume after the last sequence it received", null, false,
				false);
		this.lastDelivered = -1;
	}

	/** The sequence of the last event handed to the subscriber, or -1 where the stream does not know it. */
	public long lastDelivered() {
		return lastDelivered;
	}
}
