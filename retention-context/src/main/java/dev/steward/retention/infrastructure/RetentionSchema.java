package dev.steward.retention.infrastructure;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@value #SCHEMA} schema: migrated from {@code db/migration/retention} with a history table of its own, before
 * anything reads or writes it.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionSchema {

	public static final String SCHEMA = "retention";

	@Bean
	Flyway retentionFlyway(DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.defaultSchema(SCHEMA)
			.createSchemas(true)
			.table("flyway_schema_history")
			.locations("classpath:db/migration/retention")
			.failOnMissingLocations(true)
			.load();
	}

	@Bean
	FlywayMigrationInitializer retentionFlywayInitializer(Flyway retentionFlyway) {
		return new FlywayMigrationInitializer(retentionFlyway);
	}
}
