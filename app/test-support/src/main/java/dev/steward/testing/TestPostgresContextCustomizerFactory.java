package dev.steward.testing;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points the {@code spring.datasource.*} settings of every Spring test context at {@link TestPostgres}'s
 * database. Registered in {@code META-INF/spring.factories}, so a test only needs this module on its classpath.
 * The database is made when a setting is first read, so a context that never reads one (a GraphQL slice) never
 * touches PostgreSQL.
 */
public final class TestPostgresContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new DataSourceCustomizer();
	}

	private record DataSourceCustomizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			context.getEnvironment().getPropertySources().addFirst(new DataSourceProperties());
		}
	}

	/** The test database's coordinates, read from {@link TestPostgres} when first asked for. */
	private static final class DataSourceProperties extends EnumerablePropertySource<Object> {

		private static final String URL = "spring.datasource.url";

		private static final String USERNAME = "spring.datasource.username";

		private static final String PASSWORD = "spring.datasource.password";

		DataSourceProperties() {
			super("stewardTestPostgres", new Object());
		}

		@Override
		public String[] getPropertyNames() {
			return new String[] { URL, USERNAME, PASSWORD };
		}

		@Override
		public @Nullable Object getProperty(String name) {
			return switch (name) {
				case URL -> TestPostgres.database().url();
				case USERNAME -> TestPostgres.database().username();
				case PASSWORD -> TestPostgres.database().password();
				default -> null;
			};
		}
	}
}
