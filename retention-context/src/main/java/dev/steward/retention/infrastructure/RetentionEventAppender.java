package dev.steward.retention.infrastructure;

import dev.steward.kernel.events.EventLog;
import dev.steward.retention.domain.LoggedRetentionEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every {@link LoggedRetentionEvent} an aggregate records to the retention event log, in the transaction
 * whose repository saves the aggregate (and so its views).
 */
@Component
class RetentionEventAppender {

	private final EventLog log;

	RetentionEventAppender(@Qualifier("retentionEventLog") EventLog log) {
		this.log = log;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(LoggedRetentionEvent event) {
		log.append(event);
	}

	/** The events of many aggregates saved together (a sweep's batch), appended in one statement, in order. */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(RetentionEventBatch batch) {
		log.appendAll(batch.events());
	}
}
