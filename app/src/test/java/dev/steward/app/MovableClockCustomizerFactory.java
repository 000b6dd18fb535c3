package dev.steward.app;

import dev.steward.testing.MovableClock;
import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts {@link MovableClock#INSTANCE} into every test context as the primary {@code Clock}, so that retention judges
 * expiry by a clock tests move. Registered in {@code META-INF/spring.factories}; every context gets the same
 * customizer, so contexts stay shared across test classes.
 */
public final class MovableClockCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new MovableClockCustomizer();
	}

	private record MovableClockCustomizer() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			RootBeanDefinition clock = new RootBeanDefinition(MovableClock.class, () -> MovableClock.INSTANCE);
			clock.setPrimary(true);
			((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("movableClock", clock);
		}
	}
}
