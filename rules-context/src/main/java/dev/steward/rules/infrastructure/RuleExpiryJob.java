package dev.steward.rules.infrastructure;

import dev.steward.rules.application.RuleCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reverts expired rule states by itself, every {@code steward.rules.expiry-interval} (1 s by default), whether or
 * not anyone reads them: each revert is a {@code v1.rule.state_expired} event. However many instances run, one
 * at a time does the work: a run first takes a transaction-scoped PostgreSQL advisory lock and skips when another
 * instance holds it.
 */
@Component
class RuleExpiryJob implements SmartLifecycle {

	/** The advisory lock's key: the first eight bytes of SHA-256("steward.rules.expiry"), fixed. */
	static final long LOCK_KEY = 0x5c4f_2b1e_77a3_0d19L;

	private static final Logger LOG = LoggerFactory.getLogger(RuleExpiryJob.class);

	private final RuleCatalog catalog;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration interval;

	private @Nullable ScheduledExecutorService scheduler;

	RuleExpiryJob(RuleCatalog catalog, JdbcClient jdbc, PlatformTransactionManager transactions, Clock rulesClock,
			@Value("${steward.rules.expiry-interval:1s}") Duration interval) {
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = rulesClock;
		this.interval = interval;
	}

	/**
	 * One run: reverts every state expired by now, unless another instance is running.
	 * @return how many states reverted, or -1 when another instance held the lock
	 */
	int runOnce() {
		Integer reverted = transactions.execute(status -> {
			boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK_KEY).query(Boolean.class).single();
			return locked ? catalog.expireDue(clock.instant()) : -1;
		});
		return reverted == null ? 0 : reverted;
	}

	@Override
	public synchronized void start() {
		if (scheduler != null || interval.isZero() || interval.isNegative()) {
			return;
		}
		ScheduledExecutorService runs = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "rules-expiry");
			thread.setDaemon(true);
			return thread;
		});
		runs.scheduleWithFixedDelay(() -> {
			try {
				int reverted = runOnce();
				if (reverted > 0) {
					LOG.info("Reverted {} expired rule state(s)", reverted);
				}
			}
			catch (RuntimeException ex) {
				LOG.warn("Reverting expired rule states failed; the next run tries again", ex);
			}
		}, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
		scheduler = runs;
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}
}
