package dev.steward.rules.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.kernel.events.EventLog;
import dev.steward.rules.RuleStateKind;
import dev.steward.rules.RulesEvents;
import dev.steward.rules.application.RuleStore;
import dev.steward.rules.domain.RuleFixtures;
import dev.steward.rules.domain.RuleId;
import dev.steward.rules.domain.RuleState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The expiry job runs on one instance at a time: while another session holds its lock, a run reverts nothing and
 * says so; once the lock is free, the next run reverts what expired. The schedule is off here, so only the runs the
 * test makes happen.
 */
@SpringBootTest(properties = "steward.rules.expiry-interval=0s")
class RuleExpiryJobIntegrationTests {

	@Autowired
	RuleExpiryJob job;

	@Autowired
	RuleStore store;

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("rulesEventLog")
	EventLog log;

	@Test
	void aRunSkipsWhileAnotherInstanceHoldsTheLockAndRevertsOnceItIsFree() throws Exception {
		RuleId ruleId = RuleId.of("Lock" + System.nanoTime());
		store.upsert(RuleFixtures.commandRule(ruleId.value(), 1, "curl", 0.9), "author-1");
		store.setState(ruleId, RuleState.requested(RuleStateKind.DISABLED, null, Instant.now().plusMillis(300),
				"for a moment", Instant.now()), "operator-1");
		Thread.sleep(600);
		long before = log.head();

		try (Connection other = dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
				lock.setLong(1, RuleExpiryJob.LOCK_KEY);
				lock.execute();
			}

			assertThat(job.runOnce()).isEqualTo(-1);
			assertThat(log.head()).isEqualTo(before);

			other.rollback();
		}

		assertThat(job.runOnce()).isGreaterThanOrEqualTo(1);
		assertThat(log.after(before, 100)).anySatisfy(entry -> {
			assertThat(entry.subjectId()).isEqualTo(ruleId.value());
			assertThat(entry.type()).isEqualTo(RulesEvents.STATE_EXPIRED);
		});
		assertThat(store.state(ruleId)).isEqualTo(RuleState.DEFAULT);
	}
}
