package dev.steward.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.kernel.events.ChainVerification;
import dev.steward.kernel.events.EventLog;
import dev.steward.registry.RegistryFacade.RegistryViewsVerification;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Runs after every other test of the module, on the database they all wrote to: the registry event log's chain is
 * intact and every registry view is what the log rebuilds.
 */
@SpringBootTest
@Order(Integer.MAX_VALUE)
class LogsAndViewsHoldAfterAllTestsIntegrationTests {

	@Autowired
	@Qualifier("registryEventLog")
	EventLog log;

	@Autowired
	RegistryFacade registry;

	@Test
	void theLogIsIntactAndRebuildsEveryView() {
		ChainVerification chain = log.verify();
		RegistryViewsVerification views = registry.verifyViews();

		assertThat(chain.intact()).as(chain.problem()).isTrue();
		assertThat(chain.checked()).isEqualTo(log.head()).isPositive();
		assertThat(views.differences()).isEmpty();
		assertThat(views.clean()).isTrue();
		assertThat(views.replayed()).isEqualTo(log.head());
	}
}
