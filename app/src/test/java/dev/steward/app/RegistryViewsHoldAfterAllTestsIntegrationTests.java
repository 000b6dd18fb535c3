package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.registry.RegistryFacade;
import dev.steward.registry.RegistryFacade.RegistryViewsVerification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Runs after every other test of the module, on the database they all wrote to: every registry view is what the
 * registry log rebuilds.
 */
@SpringBootTest
@Order(Integer.MAX_VALUE)
class RegistryViewsHoldAfterAllTestsIntegrationTests {

	@Autowired
	RegistryFacade registry;

	@Test
	void theRegistryLogRebuildsEveryRegistryView() {
		RegistryViewsVerification views = registry.verifyViews();

		assertThat(views.differences()).isEmpty();
		assertThat(views.clean()).isTrue();
		assertThat(views.replayed()).isPositive();
	}
}
