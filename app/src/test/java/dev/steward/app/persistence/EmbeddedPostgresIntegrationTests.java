package dev.steward.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.Application;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Steward started as a new user starts it: no datasource configured, only a data directory. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void startsOnAnEmbeddedPostgresAndKeepsItsDataAcrossARestart(CapturedOutput output) {
		String worldId = "embedded-" + UUID.randomUUID();

		try (ConfigurableApplicationContext first = start()) {
			assertThat(first.getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
			JdbcClient.create(first.getBean(DataSource.class))
				.sql("INSERT INTO policy.world (id, name, created_by, updated_by) VALUES (?, 'kept', 'test', 'test')")
				.param(worldId)
				.update();
		}

		try (ConfigurableApplicationContext second = start()) {
			String name = JdbcClient.create(second.getBean(DataSource.class))
				.sql("SELECT name FROM policy.world WHERE id = ?")
				.param(worldId)
				.query(String.class)
				.single();
			assertThat(name).isEqualTo("kept");
		}
		assertThat(output.getOut()).contains("Database: embedded PostgreSQL")
			.contains(dataDir.resolve("postgres").toString());
	}

	private ConfigurableApplicationContext start() {
		return SpringApplication.run(Application.class, "--spring.datasource.url=", "--server.port=0",
				"--steward.data-dir=" + dataDir);
	}
}
