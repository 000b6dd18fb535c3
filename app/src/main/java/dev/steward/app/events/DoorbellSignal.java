package dev.steward.app.events;

/**
 * A bell on the events channel that is not about a log: {@code <topic>:<argument>}, rung with {@code pg_notify} by a
 * transaction of any instance and heard by every instance's doorbell at its commit. Called on the doorbell's
 * thread, so it must return quickly.
 */
public interface DoorbellSignal {

	/** The topic it answers; never the name of a context. */
	String topic();

	void rang(String argument);

	/**
	 * Whether bells can be heard now: true once the doorbell's LISTEN connection is listening, false when it drops
	 * or stops (bells rung meanwhile are lost). Called on the doorbell's thread.
	 */
	default void listening(boolean listening) {
	}
}
