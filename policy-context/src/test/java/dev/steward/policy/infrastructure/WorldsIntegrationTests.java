package dev.steward.policy.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.WorldId;
import dev.steward.policy.domain.World;
import dev.steward.policy.domain.WorldConfig;
import dev.steward.policy.domain.Worlds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class WorldsIntegrationTests {

	@Autowired
	Worlds worlds;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesAndReloadsAWorldWithItsConfiguration() {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("theme", "dark");
		config.put("limits", Map.of("players", 64L));
		config.put("retired", null);
		World world = new World(anyWorldId(), "Pipeworks", "the web world", true, WorldConfig.of(config), "alice",
				Instant.now().truncatedTo(ChronoUnit.MICROS));

		worlds.save(world);
		World reloaded = worlds.findById(world.getId()).orElseThrow();

		assertThat(reloaded.name()).isEqualTo("Pipeworks");
		assertThat(reloaded.config().values()).isEqualTo(config);
		assertThat(reloaded.createdBy()).isEqualTo("alice");
		assertThat(reloaded.createdAt()).isEqualTo(world.createdAt());
		assertThat(reloaded.version()).isZero();
	}

	@Test
	void refusesAStaleRevision() {
		World world = worlds.save(new World(anyWorldId(), "Pipeworks", "", true, WorldConfig.empty(), "alice",
				Instant.now()));
		World first = worlds.findById(world.getId()).orElseThrow();
		World second = worlds.findById(world.getId()).orElseThrow();
		first.revise("Renamed", "", true, WorldConfig.empty(), "bob", Instant.now(), null);
		worlds.save(first);

		second.revise("Lost update", "", false, WorldConfig.empty(), "carol", Instant.now(), null);

		assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> worlds.save(second));
		assertThat(worlds.findById(world.getId()).orElseThrow().name()).isEqualTo("Renamed");
	}

	@Test
	void migratesIntoThePolicySchemaWithItsOwnHistory() {
		List<String> tables = jdbc.sql("""
				SELECT table_name FROM information_schema.tables WHERE table_schema = 'policy' ORDER BY table_name
				""").query(String.class).list();

		assertThat(tables).contains("world", "flyway_schema_history");
		assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
			.query(Integer.class)
			.single()).isZero();
	}

	static WorldId anyWorldId() {
		return WorldId.of("world-" + UUID.randomUUID());
	}
}
