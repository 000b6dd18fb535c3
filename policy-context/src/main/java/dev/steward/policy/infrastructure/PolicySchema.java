package dev.steward.policy.infrastructure;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@value #SCHEMA} schema: migrated from {@code db/migration/policy} with a history table of its own, before
 * anything reads or writes it.
 */
@Configuration(proxyBeanMethods = false)
public class PolicySchema {

	public static final String SCHEMA = "policy";

	@Bean
	Flyway policyFlyway(DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.defaultSchema(SCHEMA)
			.createSchemas(true)
			.table("flyway_schema_history")
			.locations("classpath:db/migration/policy")
			.failOnMissingLocations(true)
			.load();
	}

	@Bean
	FlywayMigrationInitializer policyFlywayInitializer(Flyway policyFlyway) {
		return new FlywayMigrationInitializer(policyFlyway);
	}
}
