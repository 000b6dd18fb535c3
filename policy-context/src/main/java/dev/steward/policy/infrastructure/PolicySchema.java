package dev.steward.policy.infrastructure;

import dev.steward.kernel.events.ContextSchema;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.JdbcEventLog;
import dev.steward.kernel.events.IdempotentCommands;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@value #SCHEMA} schema, migrated from {@code db/migration/policy} and the kernel's event-log script with a
 * history table of its own before anything reads or writes it, and the context's event log in it.
 */
@Configuration(proxyBeanMethods = false)
public class PolicySchema {

	public static final String SCHEMA = "policy";

	@Bean
	Flyway policyFlyway(DataSource dataSource) {
		return ContextSchema.flyway(dataSource, SCHEMA);
	}

	@Bean
	FlywayMigrationInitializer policyFlywayInitializer(Flyway policyFlyway) {
		return new FlywayMigrationInitializer(policyFlyway, ContextSchema::migrate);
	}

	@Bean
	EventLog policyEventLog(JdbcClient jdbc) {
		return new JdbcEventLog(jdbc, SCHEMA);
	}

	@Bean
	IdempotentCommands policyIdempotentCommands(@Qualifier("policyEventLog") EventLog policyEventLog) {
		return new IdempotentCommands(policyEventLog);
	}
}
