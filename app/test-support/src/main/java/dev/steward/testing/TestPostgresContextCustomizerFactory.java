package dev.steward.testing;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points the {@code spring.datasource.*} settings of every Spring test context at {@link TestPostgres}'s
 * database. Registered in {@code META-INF/spring.factories}, so a test only needs this module on its classpath.
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
			TestPostgres.Database database = TestPostgres.database();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("stewardTestPostgres",
						Map.of("spring.datasource.url", database.url(), "spring.datasource.username",
								database.username(), "spring.datasource.password", database.password())));
		}
	}
}
