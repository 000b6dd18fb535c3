package dev.steward.retention.infrastructure;

import dev.steward.retention.application.SweepLock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sweep's lock: a row of {@code retention.shedlock}, taken by ShedLock with the database's clock, so that
 * instances whose clocks differ still agree. A crashed holder's lock lapses after {@code lockAtMostFor}.
 */
@Component
class ShedLockSweepLock implements SweepLock {

	static final String NAME = "retention-sweep";

	private final LockProvider locks;

	private final Duration lockAtMostFor;

	ShedLockSweepLock(DataSource dataSource,
			@Value("${steward.retention.sweep.lock-at-most-for:10m}") Duration lockAtMostFor) {
		this.locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName(RetentionSchema.SCHEMA + ".shedlock")
			.usingDbTime()
			.build());
		this.lockAtMostFor = lockAtMostFor;
	}

	@Override
	public <T> Optional<T> runExclusively(Supplier<T> job) {
		Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), NAME, lockAtMostFor, Duration.ZERO));
		if (lock.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(job.get());
		}
		finally {
			lock.get().unlock();
		}
	}
}
