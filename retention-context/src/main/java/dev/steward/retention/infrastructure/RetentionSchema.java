package dev.steward.retention.infrastructure;

import dev.steward.kernel.events.ContextSchema;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.JdbcEventLog;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@value #SCHEMA} schema, migrated from {@code db/migration/retention} and the kernel's event-log script with a
 * history table of its own before anything reads or writes it, and the context's event log in it.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionSchema {

	public static final String SCHEMA = "retention";

	@Bean
	Flyway retentionFlyway(DataSource dataSource) {
		return ContextSchema.flyway(dataSource, SCHEMA);
	}

	@Bean
	FlywayMigrationInitializer retentionFlywayInitializer(Flyway retentionFlyway) {
		return new FlywayMigrationInitializer(retentionFlyway, ContextSchema::migrate);
	}

	@Bean
	EventLog retentionEventLog(JdbcClient jdbc) {
		return new JdbcEventLog(jdbc, SCHEMA);
	}
}
