package dev.steward.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL database of one test JVM. The server is, in order: the one named by
 * {@code STEWARD_TEST_DATABASE_URL} (with {@code STEWARD_TEST_DATABASE_USERNAME} and
 * {@code STEWARD_TEST_DATABASE_PASSWORD}), a Testcontainers PostgreSQL where a Docker engine answers, and an
 * embedded PostgreSQL otherwise. On that server every JVM gets a database of its own, created empty and
 * dropped at exit, so runs never see each other's rows. The database belongs to a login role made for it that is
 * not a superuser, as Steward's own role is in a real deployment; {@link #database()} connects as that role and
 * {@link #superuser()} as the server's superuser, for tests that must do what Steward cannot.
 */
public final class TestPostgres {

	public static final String URL_VARIABLE = "STEWARD_TEST_DATABASE_URL";

	private static final Logger LOG = LoggerFactory.getLogger(TestPostgres.class);
	private static final String POSTGRES_IMAGE = "postgres:17-alpine";

	private static volatile Database database;

	private static volatile Database superuser;

	private TestPostgres() {}

	/** JDBC coordinates of a database. */
	public record Database(String url, String username, String password, String source) {}

	/** The database of this JVM, started or created on first use, reached as its non-superuser owner. */
	public static Database database() {
		Database result = database;
		if (result == null) {
			synchronized (TestPostgres.class) {
				result = database;
				if (result == null) {
					result = database = resolve();
					LOG.info("Tests use PostgreSQL at {} as role {} ({})", result.url(), result.username(),
							result.source());
				}
			}
		}
		return result;
	}

	/** The same database as {@link #database()}, reached as the server's superuser. */
	public static Database superuser() {
		database();
		return superuser;
	}

	private static Database resolve() {
		String url = System.getenv(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			return freshDatabaseOn(url, env("STEWARD_TEST_DATABASE_USERNAME", "postgres"),
					env("STEWARD_TEST_DATABASE_PASSWORD", ""), URL_VARIABLE);
		}
		if (dockerAnswers()) {
			PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
			container.start();
			Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-container-stop"));
			return freshDatabaseOn(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					"Testcontainers " + POSTGRES_IMAGE);
		}
		return embedded();
	}

	private static Database embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setCleanDataDirectory(true)
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "200")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					LOG.warn("Could not stop the embedded PostgreSQL", ex);
				}
			}, "test-postgres-embedded-stop"));
			return freshDatabaseOn("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "",
					"embedded PostgreSQL");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start an embedded PostgreSQL for the tests", ex);
		}
	}

	private static Database freshDatabaseOn(String serverUrl, String username, String password, String source) {
		String name = "steward_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
				+ "_" + UUID.randomUUID().toString().substring(0, 8);
		String ownerPassword = UUID.randomUUID().toString();
		execute(serverUrl, username, password, "CREATE ROLE " + name + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
				+ " PASSWORD '" + ownerPassword + "'");
		execute(serverUrl, username, password, "CREATE DATABASE " + name + " OWNER " + name);
		Runtime.getRuntime().addShutdownHook(new Thread(
				() -> dropQuietly(serverUrl, username, password, name), "test-postgres-drop-" + name));
		superuser = new Database(withDatabase(serverUrl, name), username, password, source);
		return new Database(withDatabase(serverUrl, name), name, ownerPassword, source);
	}

	private static void dropQuietly(String serverUrl, String username, String password, String name) {
		try {
			execute(serverUrl, username, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			execute(serverUrl, username, password, "DROP ROLE IF EXISTS " + name);
		}
		catch (RuntimeException ex) {
			LOG.warn("Could not drop test database {}", name, ex);
		}
	}

	private static void execute(String url, String username, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, username, password)) {
			connection.createStatement().execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Test PostgreSQL at " + url + " refused: " + sql, ex);
		}
	}

	/** Replaces the database name of a {@code jdbc:postgresql://host:port/name?params} URL. */
	static String withDatabase(String url, String database) {
		String prefix = "jdbc:postgresql://";
		if (!url.startsWith(prefix)) {
			throw new IllegalArgumentException(URL_VARIABLE + " must be a jdbc:postgresql:// URL, was " + url);
		}
		int query = url.indexOf('?');
		String params = query < 0 ? "" : url.substring(query);
		String withoutParams = query < 0 ? url : url.substring(0, query);
		int slash = withoutParams.indexOf('/', prefix.length());
		String hostAndPort = slash < 0 ? withoutParams : withoutParams.substring(0, slash);
		return hostAndPort + "/" + database + params;
	}

	private static boolean dockerAnswers() {
		boolean configured = System.getenv("DOCKER_HOST") != null
				|| Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
		if (!configured) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			LOG.info("No Docker engine answers ({}); using an embedded PostgreSQL", ex.getMessage());
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

}
