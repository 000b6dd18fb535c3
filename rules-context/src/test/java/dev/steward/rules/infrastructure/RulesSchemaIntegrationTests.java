package dev.steward.rules.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class RulesSchemaIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesIntoTheSchemaOfTheContextWithItsOwnHistory() {
		var tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = ?")
			.param(RulesSchema.SCHEMA)
			.query(String.class)
			.list();

		assertThat(tables).contains("rule", "flyway_schema_history");
		assertThat(jdbc.sql("SELECT count(*) FROM rules.flyway_schema_history WHERE success")
			.query(Integer.class)
			.single()).isPositive();
		assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
			.query(Integer.class)
			.single()).isZero();
	}
}
