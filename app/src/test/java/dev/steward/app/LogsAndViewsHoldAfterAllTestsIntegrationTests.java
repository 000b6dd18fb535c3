package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.kernel.events.ChainVerification;
import dev.steward.kernel.events.EventLog;
import dev.steward.policy.PolicyFacade;
import dev.steward.retention.RetentionFacade;
import dev.steward.rules.RuleFacade;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Runs after every other test of the module, on the database they all wrote to: every context's event log is
 * intact, and every policy, rules and retention view is what its log rebuilds.
 */
@SpringBootTest
@Order(Integer.MAX_VALUE)
class LogsAndViewsHoldAfterAllTestsIntegrationTests {

	@Autowired
	List<EventLog> logs;

	@Autowired
	PolicyFacade policies;

	@Autowired
	RuleFacade rules;

	@Autowired
	RetentionFacade retention;

	@Test
	void everyLogIsIntactAndThePolicyLogRebuildsEveryView() {
		assertThat(logs).extracting(EventLog::context).contains("policy", "rules", "registry", "retention");
		for (EventLog log : logs) {
			ChainVerification chain = log.verify();
			assertThat(chain.intact()).as("%s: %s", log.context(), chain.problem()).isTrue();
			assertThat(chain.checked()).isEqualTo(log.head());
		}
		assertThat(policies.verifyViews().differences()).isEmpty();
		assertThat(rules.verifyViews().differences()).isEmpty();
	}

	@Test
	void theRetentionLogRebuildsEveryRetentionView() {
		assertThat(retention.verifyViews().differences()).isEmpty();
	}
}
