package dev.steward.registry.infrastructure;

import dev.steward.registry.StorageFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects orphaned blobs every {@code steward.registry.collect-interval} (15 minutes unless configured; the first
 * run a minute after start). One instance runs it at a time: the run holds a database advisory lock, and an
 * instance that cannot take it skips its turn.
 */
@Component
class RegistryHousekeeping {

	private static final Logger LOG = LoggerFactory.getLogger(RegistryHousekeeping.class);

	private final StorageFacade storage;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	RegistryHousekeeping(StorageFacade storage, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.storage = storage;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Scheduled(initialDelayString = "${steward.registry.collect-initial-delay:1m}",
			fixedDelayString = "${steward.registry.collect-interval:15m}")
	void collectOrphans() {
		try {
			transactions.executeWithoutResult(status -> {
				boolean mine = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended('registry.orphan-collection', 0))")
					.query(Boolean.class)
					.single();
				if (mine) {
					storage.collectOrphans();
				}
			});
		}
		catch (RuntimeException ex) {
			LOG.warn("Orphan collection failed; it runs again at its next turn", ex);
		}
	}
}
