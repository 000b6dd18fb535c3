package dev.steward.kernel.events;

import java.time.Instant;
import java.util.Map;
import org.jmolecules.event.types.DomainEvent;
import org.jspecify.annotations.Nullable;

/**
 * A domain event as it is appended to its context's log. Aggregates register these; each context's listener
 * appends them in the transaction that saves the aggregate.
 */
public interface LoggedEvent extends DomainEvent {

	/** {@code v<version>.<subject>.<past tense>}, e.g. {@code v1.policy.activated}. */
	String type();

	String subjectKind();

	String subjectId();

	/** The authenticated principal that caused the event. */
	String actor();

	/** What happened, as JSON-shaped values, complete enough to rebuild every view from the log. */
	Map<String, ?> payload();

	/**
	 * The time the entry must carry, when its payload names it; null (the usual case) lets the log stamp the entry.
	 * Such a time comes from {@link EventLog#timeForNextEntry()} in the same transaction.
	 */
	default @Nullable Instant recordedAt() {
		return null;
	}

	/** The key of the request that caused the event, when it carried one; at most one event per key. */
	default @Nullable String idempotencyKey() {
		return null;
	}
}
