package dev.steward.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.Application;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded default never takes its data directory from a live process it cannot recognize as its own leftover.
 * (A leftover postmaster of the directory is stopped, and the settings that make commits durable are checked, in
 * {@link CrashRecoveryIntegrationTests}.)
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresDurabilityIntegrationTests {

	@TempDir
	Path dataDir;

	@Test // GH-9
	void refusesADataDirectoryWhosePidFileNamesALiveProcessThatIsNoServerOfIt(CapturedOutput output)
			throws IOException, InterruptedException {
		Process foreign = new ProcessBuilder("sleep", "120").start();
		try {
			Path pgData = Files.createDirectories(dataDir.resolve("postgres"));
			Files.writeString(pgData.resolve("postmaster.pid"), foreign.pid() + "\n" + pgData + "\n");

			assertThatExceptionOfType(Exception.class).isThrownBy(this::start)
				.havingRootCause()
				.isInstanceOf(DataDirectoryInUseException.class)
				.withMessageContaining("held by process " + foreign.pid())
				.withMessageContaining("no PostgreSQL server of that directory");

			assertThat(foreign.isAlive()).as("the foreign process is left alone").isTrue();
			assertThat(pgData.resolve("postmaster.pid")).exists();
			assertThat(pgData.resolve("postgresql.conf")).as("nothing initialized in the directory").doesNotExist();
			assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
				.contains("delete " + pgData.resolve("postmaster.pid"));
		}
		finally {
			foreign.destroy();
			foreign.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test // GH-9
	void refusesADataDirectoryAnotherRunningStewardUsesAndLeavesThatOneRunning() {
		try (ConfigurableApplicationContext first = start()) {
			long postmaster = postmasterPid();

			assertThatExceptionOfType(Exception.class).isThrownBy(this::start)
				.havingRootCause()
				.isInstanceOf(DataDirectoryInUseException.class)
				.withMessageContaining("in use by another running Steward");

			assertThat(postmasterPid()).isEqualTo(postmaster);
			assertThat(JdbcClient.create(first.getBean(DataSource.class))
				.sql("SELECT count(*) FROM policy.world")
				.query(Long.class)
				.single()).isNotNegative();
		}
	}

	private long postmasterPid() {
		try {
			return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().trim());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ConfigurableApplicationContext start() {
		return SpringApplication.run(Application.class, "--spring.datasource.url=", "--server.port=0",
				"--steward.data-dir=" + dataDir, "--steward.security.bootstrap-token=");
	}
}
