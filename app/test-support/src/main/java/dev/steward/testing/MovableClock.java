package dev.steward.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of every test context (registered by {@link MovableClockCustomizerFactory}, first among the clocks):
 * the system clock moved by an offset that tests set: expiry is reached by moving the clock, not by waiting.
 */
public class MovableClock extends Clock {

	/** The instance every test context of this JVM shares; a test that moves it resets it when it ends. */
	public static final MovableClock INSTANCE = new MovableClock();

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
