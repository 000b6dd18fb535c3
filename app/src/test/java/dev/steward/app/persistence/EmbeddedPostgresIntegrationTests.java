package dev.steward.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.Application;
import dev.steward.app.GraphQlHttp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import dev.steward.kernel.events.ContextSchema;
import dev.steward.kernel.events.EventLog;
import dev.steward.policy.WorldFacade.CreateWorld;
import dev.steward.policy.WorldFacade;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.dao.DataAccessException;
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

	@Test
	void issuesAnAdminTokenAtTheFirstStartOnlyAndPrintsItOnce(CapturedOutput output) {
		String secret;
		try (ConfigurableApplicationContext first = start()) {
			Matcher printed = Pattern.compile("(stw_[A-Za-z0-9_-]{43})").matcher(output.getOut());
			assertThat(printed.find()).as("a token in the log").isTrue();
			secret = printed.group(1);
			int port = Integer.parseInt(first.getEnvironment().getProperty("local.server.port"));

			GraphQlHttp.Response me = new GraphQlHttp(port).post(secret, "{ me { name role } }");

			assertThat(me.data().path("me").path("role").asString()).isEqualTo("ADMIN");
		}
		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.isActive()).isTrue();
		}
		assertThat(output.getOut().split("First start: an admin API token", -1)).hasSize(2);
		assertThat(output.getOut().split(Pattern.quote(secret), -1)).hasSize(2);
	}

	@Test
	void connectsAsARoleThatIsNotASuperuserAndCannotChangeTheLog() {
		try (ConfigurableApplicationContext context = start()) {
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));

			Map<String, Object> role = jdbc.sql("SELECT current_user AS name, rolsuper FROM pg_roles WHERE rolname = current_user")
				.query()
				.singleRow();

			assertThat(role).containsEntry("name", "steward").containsEntry("rolsuper", false);
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> jdbc.sql("UPDATE policy.event_log SET actor = 'mallory'").update());
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> jdbc.sql("SET session_replication_role = replica").update());
		}
	}

	@Test
	void takesOverWhatAnEarlierVersionMadeAsTheSuperuser() throws Exception {
		try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.start()) {
			ContextSchema.migrate(ContextSchema.flyway(earlier.getPostgresDatabase(), "policy"));
			JdbcClient.create(earlier.getPostgresDatabase())
				.sql("CREATE TABLE policy.left_by_an_earlier_version (id int)")
				.update();
		}

		try (ConfigurableApplicationContext context = start()) {
			JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));

			List<String> owners = jdbc.sql("""
					SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
					 WHERE n.nspname = 'policy' AND c.relkind = 'r'""")
				.query(String.class)
				.list();
			assertThat(owners).containsExactly("steward");
			assertThat(jdbc.sql("SELECT count(*) FROM policy.left_by_an_earlier_version").query(Long.class).single())
				.isZero();
			context.getBean(WorldFacade.class)
				.create(new CreateWorld("after-the-takeover", "Taken over", "", true, Map.of(), "test"));
			assertThat(context.getBean("policyEventLog", EventLog.class)
				.verify()
				.intact()).isTrue();
		}
	}

	private ConfigurableApplicationContext start() {
		return SpringApplication.run(Application.class, "--spring.datasource.url=", "--server.port=0",
				"--steward.data-dir=" + dataDir, "--steward.security.bootstrap-token=");
	}
}
