package dev.steward.retention.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class RetentionSchemaIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesIntoTheSchemaOfTheContextWithItsOwnHistory() {
		var tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")
			.param(RetentionSchema.SCHEMA)
			.query(String.class)
			.list();

		assertThat(tables).contains("retention_class", "retention_subject", "retention_hold", "shedlock",
				"flyway_schema_history");
		assertThat(jdbc.sql("SELECT count(*) FROM retention.flyway_schema_history WHERE success")
			.query(Integer.class)
			.single()).isPositive();
		assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
			.query(Integer.class)
			.single()).isZero();
	}
}
