package dev.steward.retention.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.retention.application.SweepLock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sweep's lock: while one holder runs, nobody else runs; the row says who holds it, and until when. */
@SpringBootTest
class ShedLockSweepLockIntegrationTests {

	@Autowired
	SweepLock lock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void runsOneHolderAtATimeAndFreesTheLockAfterwards() {
		Optional<Optional<String>> inner = lock.runExclusively(() -> lock.runExclusively(() -> "second"));
		Optional<String> afterwards = lock.runExclusively(() -> "again");

		assertThat(inner).contains(Optional.empty());
		assertThat(afterwards).contains("again");
		assertThat(jdbc.sql("SELECT count(*) FROM retention.shedlock WHERE name = ? AND lock_until <= timezone('utc', now())")
			.param(ShedLockSweepLock.NAME)
			.query(Long.class)
			.single()).isEqualTo(1);
	}
}
