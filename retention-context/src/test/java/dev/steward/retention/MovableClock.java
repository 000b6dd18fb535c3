package dev.steward.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock moved by an offset that tests set: expiry is reached by moving the clock, not by waiting. */
public class MovableClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}

	/** Moves the clock forward (or back, with a negative duration). */
	public void advance(Duration duration) {
		offset.updateAndGet(current -> current.plus(duration));
	}

	/** Back to the system's time. */
	public void reset() {
		offset.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}
}
