package dev.steward.registry.infrastructure;

import dev.steward.registry.domain.TransactionClock;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The database's clock, which also stamps the event log's entries. */
@Component
class JdbcTransactionClock implements TransactionClock {

	private final JdbcClient jdbc;

	JdbcTransactionClock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Instant now() {
		return jdbc.sql("SELECT clock_timestamp()").query(Timestamp.class).single().toInstant();
	}
}
