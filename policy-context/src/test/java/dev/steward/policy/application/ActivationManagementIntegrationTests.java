package dev.steward.policy.application;

import dev.steward.policy.PolicyStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade.ActivationEventView;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.WorldFacade.CreateWorld;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.ActivationFacade.RollbackActivation;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import dev.steward.policy.WorldFacade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=20")
class ActivationManagementIntegrationTests {

	@Autowired
	ActivationFacade activations;

	@Autowired
	PolicyFacade policies;

	@Autowired
	WorldFacade worlds;

	@Autowired
	JdbcClient jdbc;

	String world;

	String policy;

	@BeforeEach
	void worldWithAPolicyInTwoVariants() {
		world = "world-" + UUID.randomUUID();
		worlds.create(new CreateWorld(world, "Activation", "", true, Map.of(), "alice"));
		policy = "prompt:ns" + UUID.randomUUID().toString().replace("-", "") + ":greeting";
		for (int version = 1; version <= 3; version++) {
			policies.upsert(new UpsertPolicyVariant(policy, "v" + version, "1.0", version, PolicyStatus.DRAFT,
					Map.of("text", "hello " + version), null, "alice"));
		}
	}

	@Test
	void activatesAndSaysWhichVariantItReplaced() {
		ActivationEventView first = activations.activate(new ActivatePolicy(world, "", policy, "v1", "op"));
		ActivationEventView second = activations.activate(new ActivatePolicy(world, "", policy, "v2", "op"));

		assertThat(first.replacedVariant()).isNull();
		assertThat(second.replacedVariant()).isEqualTo("v1");
		assertThat(second.activationEventId()).isGreaterThan(first.activationEventId());
		assertThat(policies.find(policy, "v2")).hasValueSatisfying(variant -> assertThat(variant.status()).isEqualTo("draft"));
		assertThat(activations.activations(world, "", false)).singleElement().satisfies(pointer -> {
			assertThat(pointer.variant()).isEqualTo("v2");
			assertThat(pointer.activationEventId()).isEqualTo(second.activationEventId());
			assertThat(pointer.activatedBy()).isEqualTo("op");
		});
	}

	@Test
	void refusesAnUnknownWorldOrVariantAndWritesNothing() {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> activations.activate(new ActivatePolicy("no-world-" + UUID.randomUUID(), "", policy, "v1", "op")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_WORLD_NOT_FOUND));
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> activations.activate(new ActivatePolicy("w".repeat(200), "", policy, "v1", "op")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_WORLD_NOT_FOUND));
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> activations.activate(new ActivatePolicy(world, "", policy, "v9", "op")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_VARIANT_NOT_FOUND));
		assertThat(activations.activations(world, "", false)).isEmpty();
		assertThat(activations.activationEvents(world, "", null, null, 10).items()).isEmpty();
	}

	@Test
	void rollsBackToTheVariantOfTheReferencedEventAsANewEventThatCanItselfBeRolledBack() {
		ActivationEventView v1 = activations.activate(new ActivatePolicy(world, "", policy, "v1", "op"));
		ActivationEventView v2 = activations.activate(new ActivatePolicy(world, "", policy, "v2", "op"));

		ActivationEventView back = activations.rollback(new RollbackActivation(world, "", policy, v1.activationEventId(), "op"));
		ActivationEventView forward = activations.rollback(new RollbackActivation(null, null, null, v2.activationEventId(), "op"));

		assertThat(back.variant()).isEqualTo("v1");
		assertThat(back.rollbackOf()).isEqualTo(v1.activationEventId());
		assertThat(back.replacedVariant()).isEqualTo("v2");
		assertThat(forward.variant()).isEqualTo("v2");
		assertThat(activations.activationEvents(world, "", policy, null, 10).items()).extracting(ActivationEventView::variant)
			.containsExactly("v1", "v2", "v1", "v2");
		assertThat(activations.verifyReplay(world, "").consistent()).isTrue();
	}

	@Test
	void refusesARollbackToAMissingEventOrOneOfAnotherPolicyOrScope() {
		ActivationEventView v1 = activations.activate(new ActivatePolicy(world, "", policy, "v1", "op"));
		String otherPolicy = policy.replace("greeting", "farewell");
		policies.upsert(new UpsertPolicyVariant(otherPolicy, "v1", "1.0", 1, PolicyStatus.DRAFT, Map.of("text", "bye"), null, "alice"));

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> activations.rollback(new RollbackActivation(world, "", policy, Long.MAX_VALUE, "op")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ROLLBACK_EVENT_NOT_FOUND));
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> activations.rollback(new RollbackActivation(world, "", otherPolicy, v1.activationEventId(), "op")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ROLLBACK_POLICY_MISMATCH));
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> activations.rollback(new RollbackActivation(world, "web", policy, v1.activationEventId(), "op")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ROLLBACK_SCOPE_MISMATCH));
	}

	@Test
	void overlaysTheClientProfileOnTheWorldPerPolicy() {
		String other = policy.replace("greeting", "farewell");
		policies.upsert(new UpsertPolicyVariant(other, "v1", "1.0", 1, PolicyStatus.DRAFT, Map.of("text", "bye"), null, "alice"));
		activations.activate(new ActivatePolicy(world, "", policy, "v1", "op"));
		activations.activate(new ActivatePolicy(world, "", other, "v1", "op"));
		activations.activate(new ActivatePolicy(world, "mobile", policy, "v3", "op"));

		List<ActivationView> raw = activations.activations(world, "mobile", false);
		List<ActivationView> effective = activations.activations(world, "mobile", true);

		assertThat(raw).extracting(ActivationView::variant).containsExactly("v3");
		assertThat(effective).extracting(pointer -> pointer.policyId() + "=" + pointer.variant() + "@" + pointer.clientProfile())
			.containsExactlyInAnyOrder(other + "=v1@", policy + "=v3@mobile");
		assertThat(effective).extracting(ActivationView::policyId).isSorted();
	}

	@Test
	void refusesAnActivationWhosePointerWouldNotMatchTheReplayAndWritesNothing() {
		// a fault planted for this world only: the pointer row is bent to another variant as it is written
		jdbc.sql("""
				CREATE FUNCTION policy.bend_pointer_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    IF NEW.world_id = '%s' THEN NEW.variant := 'v3'; END IF;
				    RETURN NEW;
				END $$""".formatted(world)).update();
		jdbc.sql("CREATE TRIGGER bend_pointer_for_test BEFORE INSERT OR UPDATE ON policy.activation FOR EACH ROW EXECUTE FUNCTION policy.bend_pointer_for_test()")
			.update();
		try {
			assertThatExceptionOfType(PolicyException.class)
				.isThrownBy(() -> activations.activate(new ActivatePolicy(world, "", policy, "v1", "op")))
				.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ACTIVATION_REPLAY_MISMATCH));
		}
		finally {
			jdbc.sql("DROP TRIGGER bend_pointer_for_test ON policy.activation").update();
			jdbc.sql("DROP FUNCTION policy.bend_pointer_for_test()").update();
		}
		assertThat(activations.activations(world, "", false)).isEmpty();
		assertThat(activations.activationEvents(world, "", null, null, 10).items()).isEmpty();
	}

	@Test
	void concurrentActivationsOfOnePolicyLeaveThePointerAtTheLastEventInLogOrder() throws Exception {
		int writers = 16;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ActivationEventView>> results = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			String variant = "v" + (i % 3 + 1);
			results.add(pool.submit(() -> {
				start.await();
				return activations.activate(new ActivatePolicy(world, "", policy, variant, "op"));
			}));
		}
		start.countDown();
		for (Future<ActivationEventView> result : results) {
			result.get(1, TimeUnit.MINUTES);
		}
		pool.shutdown();

		List<ActivationEventView> history = activations.activationEvents(world, "", policy, null, 100).items();
		assertThat(history).hasSize(writers);
		assertThat(history).extracting(ActivationEventView::activationEventId).isSorted();
		for (int i = 1; i < history.size(); i++) {
			assertThat(history.get(i).replacedVariant()).isEqualTo(history.get(i - 1).variant());
		}
		ActivationView pointer = activations.activations(world, "", false).getFirst();
		assertThat(pointer.activationEventId()).isEqualTo(history.getLast().activationEventId());
		assertThat(pointer.variant()).isEqualTo(history.getLast().variant());
		assertThat(activations.verifyReplay(world, "").consistent()).isTrue();
	}
}
