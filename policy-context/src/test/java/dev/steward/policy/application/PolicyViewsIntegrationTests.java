package dev.steward.policy.application;

import dev.steward.policy.PolicyLayer;

import dev.steward.policy.PolicyStatus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade.ActivationEventView;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.WorldFacade.CreateWorld;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyFacade.PolicyViewsVerification;
import dev.steward.policy.PolicyFacade.PolicyViewsVerification.Difference;
import dev.steward.policy.PublishFacade;
import dev.steward.policy.PublishFacade.PublishScope;
import dev.steward.policy.PolicyFacade.RegisterPolicyType;
import dev.steward.policy.ActivationFacade.RollbackActivation;
import dev.steward.policy.WorldFacade.UpdateWorld;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import dev.steward.policy.PolicyFacade.ValidatePolicyVariant;
import dev.steward.policy.WorldFacade;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every policy view can be rebuilt from the policy event log, and the rebuild check finds a view that drifted. */
@SpringBootTest
class PolicyViewsIntegrationTests {

	@Autowired
	PolicyFacade policies;

	@Autowired
	WorldFacade worlds;

	@Autowired
	ActivationFacade activations;

	@Autowired
	PublishFacade publishing;

	@Autowired
	JdbcClient jdbc;

	@Test
	void rebuildsEveryViewFromTheLog() {
		String suffix = UUID.randomUUID().toString().replace("-", "");
		String world = "world-" + suffix;
		worlds.create(new CreateWorld(world, "Rebuilt", "", true, Map.of("ratio", 0.25, "n", 2.0), "alice"));
		worlds.update(new UpdateWorld(world, "Rebuilt again", null, false, null, null, "bob"));
		String policy = "prompt:ns" + suffix + ":greeting";
		policies.upsert(new UpsertPolicyVariant(policy, "v1", "1.0", 1, PolicyStatus.DRAFT, Map.of("text", "hello"), null, "alice"));
		policies.upsert(new UpsertPolicyVariant(policy, "v2", "1.0", 2, PolicyStatus.ACTIVE, Map.of("text", "hi"), null, "alice"));
		policies.validate(new ValidatePolicyVariant(policy, "v3", "1.0", 0, PolicyStatus.DRAFT, Map.of(), "carol"));
		policies.registerPolicyType(new RegisterPolicyType("t" + suffix.substring(0, 20), PolicyLayer.CONTENT,
				Map.of("type", "object"), "admin"));
		ActivationEventView v1 = activations.activate(new ActivatePolicy(world, "", policy, "v1", "op"));
		activations.activate(new ActivatePolicy(world, "web", policy, "v2", "op"));
		activations.rollback(new RollbackActivation(null, null, null, v1.activationEventId(), "op"));
		publishing.publish(new PublishScope(world, "web", "op"));

		PolicyViewsVerification verification = policies.verifyViews();

		assertThat(verification.differences()).isEmpty();
		assertThat(verification.consistent()).isTrue();
		assertThat(verification.eventsReplayed()).isGreaterThanOrEqualTo(10);
	}

	@Test
	void findsAViewRowThatTheLogDoesNotExplain() {
		String world = "world-" + UUID.randomUUID();
		worlds.create(new CreateWorld(world, "Drifting", "", true, Map.of(), "alice"));
		jdbc.sql("UPDATE policy.world SET name = 'Drifted' WHERE id = ?").params(world).update();
		try {
			PolicyViewsVerification verification = policies.verifyViews();

			assertThat(verification.consistent()).isFalse();
			assertThat(verification.differences()).containsExactlyInAnyOrder(
					new Difference("world", world, "only in the log"), new Difference("world", world, "only in the view"));
		}
		finally {
			jdbc.sql("UPDATE policy.world SET name = 'Drifting' WHERE id = ?").params(world).update();
		}
		assertThat(policies.verifyViews().consistent()).isTrue();
	}

	@Test
	void recordsEveryValidationRunInTheLog() {
		String policy = "prompt:ns" + UUID.randomUUID().toString().replace("-", "") + ":greeting";

		policies.validate(new ValidatePolicyVariant(policy, "v1", "1.0", 1, PolicyStatus.DRAFT, Map.of(), "carol"));

		List<Map<String, Object>> logged = jdbc.sql("""
				SELECT type, subject_id, actor FROM policy.event_log
				 WHERE type = 'v1.policy_variant.validated' AND subject_id = ?""")
			.params(policy + "@v1")
			.query()
			.listOfRows();
		assertThat(logged).singleElement().satisfies(row -> assertThat(row).containsEntry("actor", "carol"));
	}
}
