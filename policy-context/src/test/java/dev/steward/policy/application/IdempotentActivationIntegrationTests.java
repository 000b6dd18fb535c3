package dev.steward.policy.application;

import dev.steward.policy.PolicyStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.kernel.CodedException;
import dev.steward.kernel.KernelErrorCode;
import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade.ActivationEventView;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.WorldFacade.CreateWorld;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An activation or rollback sent again with its idempotency key returns the first answer and appends nothing. */
@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=20")
class IdempotentActivationIntegrationTests {

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
		worlds.create(new CreateWorld(world, "Idempotent", "", true, Map.of(), "alice"));
		policy = "prompt:ns" + UUID.randomUUID().toString().replace("-", "") + ":greeting";
		for (int version = 1; version <= 2; version++) {
			policies.upsert(new UpsertPolicyVariant(policy, "v" + version, "1.0", version, PolicyStatus.DRAFT,
					Map.of("text", "hello " + version), null, "alice"));
		}
	}

	@Test
	void answersARepeatedActivationWithTheFirstEventAndAppendsNothing() {
		String key = UUID.randomUUID().toString();
		ActivationEventView first = activations.activate(new ActivatePolicy(world, "", policy, "v1", "op", key));
		long head = head();

		ActivationEventView again = activations.activate(new ActivatePolicy(world, "", policy, "v1", "op", key));

		assertThat(again).isEqualTo(first);
		assertThat(head()).isEqualTo(head);
		assertThat(jdbc.sql("SELECT idempotency_key FROM policy.event_log WHERE sequence = ?")
			.params(first.activationEventId())
			.query(String.class)
			.single()).isEqualTo(key);
	}

	@Test
	void refusesTheKeyForAnotherRequestOrAnotherActor() {
		String key = UUID.randomUUID().toString();
		activations.activate(new ActivatePolicy(world, "", policy, "v1", "op", key));
		long head = head();

		assertThatExceptionOfType(CodedException.class)
			.isThrownBy(() -> activations.activate(new ActivatePolicy(world, "", policy, "v2", "op", key)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(KernelErrorCode.IDEMPOTENCY_KEY_REUSED));
		assertThatExceptionOfType(CodedException.class)
			.isThrownBy(() -> activations.activate(new ActivatePolicy(world, "", policy, "v1", "mallory", key)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(KernelErrorCode.IDEMPOTENCY_KEY_REUSED));
		assertThat(head()).isEqualTo(head);
	}

	@Test
	void answersARepeatedRollbackWithTheFirstEvent() {
		ActivationEventView v1 = activations.activate(new ActivatePolicy(world, "", policy, "v1", "op"));
		activations.activate(new ActivatePolicy(world, "", policy, "v2", "op"));
		String key = UUID.randomUUID().toString();

		ActivationEventView first = activations.rollback(
				new RollbackActivation(null, null, null, v1.activationEventId(), "op", key));
		long head = head();
		ActivationEventView again = activations.rollback(
				new RollbackActivation(null, null, null, v1.activationEventId(), "op", key));

		assertThat(again).isEqualTo(first);
		assertThat(first.rollbackOf()).isEqualTo(v1.activationEventId());
		assertThat(head()).isEqualTo(head);
	}

	@Test
	void letsTheDatabaseDecideBetweenConcurrentRequestsWithOneKey() throws Exception {
		String key = UUID.randomUUID().toString();
		long head = head();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ActivationEventView>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return activations.activate(new ActivatePolicy(world, "", policy, "v2", "op", key));
				}));
			}
			start.countDown();
			List<ActivationEventView> events = new ArrayList<>();
			for (Future<ActivationEventView> answer : answers) {
				events.add(answer.get());
			}

			assertThat(events).extracting(ActivationEventView::activationEventId).containsOnly(head + 1);
			assertThat(head()).isEqualTo(head + 1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void refusesAMalformedKey() {
		assertThatExceptionOfType(CodedException.class)
			.isThrownBy(() -> new ActivatePolicy(world, "", policy, "v1", "op", "has space"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(KernelErrorCode.INVALID_ARGUMENT));
		assertThatExceptionOfType(CodedException.class)
			.isThrownBy(() -> new ActivatePolicy(world, "", policy, "v1", "op", "k".repeat(201)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(KernelErrorCode.INVALID_ARGUMENT))
			.withMessage("idempotencyKey must be 1 to 200 visible ASCII characters");
	}

	private long head() {
		return jdbc.sql("SELECT last_sequence FROM policy.event_log_counter").query(Long.class).single();
	}
}
