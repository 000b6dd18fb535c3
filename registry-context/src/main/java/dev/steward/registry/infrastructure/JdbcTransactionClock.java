package dev.steward.registry.infrastructure;

import dev.steward.kernel.events.EventLog;
import dev.steward.registry.domain.TransactionClock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The registry log's time for its next entry. */
@Component
class JdbcTransactionClock implements TransactionClock {

	private final EventLog log;

	JdbcTransactionClock(@Qualifier("registryEventLog") EventLog log) {
		this.log = log;
	}

	@Override
	public Instant forNextEvent() {
		return log.timeForNextEntry();
	}
}
