package dev.steward.rules.infrastructure;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@value #SCHEMA} schema: migrated from {@code db/migration/rules} with a history table of its own, before
 * anything reads or writes it.
 */
@Configuration(proxyBeanMethods = false)
public class RulesSchema {

	public static final String SCHEMA = "rules";

	@Bean
	Flyway rulesFlyway(DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.defaultSchema(SCHEMA)
			.createSchemas(true)
			.table("flyway_schema_history")
			.locations("classpath:db/migration/rules")
			.failOnMissingLocations(true)
			.load();
	}

	@Bean
	FlywayMigrationInitializer rulesFlywayInitializer(Flyway rulesFlyway) {
		return new FlywayMigrationInitializer(rulesFlyway);
	}
}
