package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class GraphQlServerPropertiesTests {

	@Test
	void defaultsToTheDocumentedLimits() {
		Map<String, Object> environment = Map.of();

		GraphQlServerProperties properties = bind(environment);

		assertThat(properties)
			.isEqualTo(new GraphQlServerProperties(16384, 12, 2000, 30, Duration.ofSeconds(30), true, true, 100, 5000,
					4194304, 65536));
	}

	@Test
	void readsEnvironmentVariables() {
		Map<String, Object> environment = Map.of("STEWARD_GRAPHQL_MAX_DOCUMENT_SIZE", "1000",
				"STEWARD_GRAPHQL_MAX_DEPTH", "5", "STEWARD_GRAPHQL_MAX_COST", "100", "STEWARD_GRAPHQL_MAX_ALIASES", "0",
				"STEWARD_GRAPHQL_TIMEOUT", "2s", "STEWARD_GRAPHQL_INTROSPECTION", "false",
				"STEWARD_GRAPHQL_GRAPHIQL_ENABLED", "false");

		GraphQlServerProperties properties = bind(environment);

		assertThat(properties)
			.isEqualTo(new GraphQlServerProperties(1000, 5, 100, 0, Duration.ofSeconds(2), false, false, 100,
					5000, 4194304, 65536));
	}

	@Test
	void rejectsADepthBelowOne() {
		Map<String, Object> environment = Map.of("STEWARD_GRAPHQL_MAX_DEPTH", "0");

		assertThatExceptionOfType(BindException.class).isThrownBy(() -> bind(environment))
			.havingRootCause()
			.withMessage("steward.graphql.max-depth must be positive but is 0");
	}

	private static GraphQlServerProperties bind(Map<String, Object> environment) {
		SystemEnvironmentPropertySource source = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
		return new Binder(ConfigurationPropertySources.from(source))
			.bindOrCreate("steward.graphql", GraphQlServerProperties.class);
	}
}
