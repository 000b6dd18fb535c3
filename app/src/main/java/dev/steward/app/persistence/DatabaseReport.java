package dev.steward.app.persistence;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start which database Steward uses. */
@Component
class DatabaseReport {

	private static final Logger LOG = LoggerFactory.getLogger(DatabaseReport.class);

	private final DataSource dataSource;

	DatabaseReport(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@EventListener(ApplicationStartedEvent.class)
	void report() {
		String url = dataSource instanceof HikariDataSource hikari ? hikari.getJdbcUrl() : dataSource.toString();
		LOG.info("Database: {} (schemas policy, rules, registry, retention)", url);
	}
}
