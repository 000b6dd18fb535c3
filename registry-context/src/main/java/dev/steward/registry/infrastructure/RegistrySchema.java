package dev.steward.registry.infrastructure;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@value #SCHEMA} schema: migrated from {@code db/migration/registry} with a history table of its own, before
 * anything reads or writes it.
 */
@Configuration(proxyBeanMethods = false)
public class RegistrySchema {

	public static final String SCHEMA = "registry";

	@Bean
	Flyway registryFlyway(DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.defaultSchema(SCHEMA)
			.createSchemas(true)
			.table("flyway_schema_history")
			.locations("classpath:db/migration/registry")
			.failOnMissingLocations(true)
			.load();
	}

	@Bean
	FlywayMigrationInitializer registryFlywayInitializer(Flyway registryFlyway) {
		return new FlywayMigrationInitializer(registryFlyway);
	}
}
