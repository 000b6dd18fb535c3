package dev.steward.policy.application;

import dev.steward.policy.PolicyLayer;

import dev.steward.policy.PolicyStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.kernel.CodedException;
import dev.steward.kernel.KernelErrorCode;
import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.WorldFacade.CreateWorld;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyFacade.PolicyTypeView;
import dev.steward.policy.PolicyFacade.PolicyVariantView;
import dev.steward.policy.PublishFacade;
import dev.steward.policy.PublishFacade.PublishRunView;
import dev.steward.policy.PublishFacade.PublishScope;
import dev.steward.policy.PolicyFacade.RegisterPolicyType;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import dev.steward.policy.PolicyFacade.ValidatePolicyVariant;
import dev.steward.policy.PolicyFacade.ValidationResult;
import dev.steward.policy.WorldFacade;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every mutation that takes an idempotency key answers a repeated request with the first answer, read back from
 * the log, and appends nothing; a key sent with another request is refused.
 */
@SpringBootTest
class IdempotentMutationsIntegrationTests {

	@Autowired
	PolicyFacade policies;

	@Autowired
	PublishFacade publishing;

	@Autowired
	ActivationFacade activations;

	@Autowired
	WorldFacade worlds;

	@Autowired
	JdbcClient jdbc;

	String policy;

	@BeforeEach
	void aFreshPolicyId() {
		policy = "prompt:ns" + UUID.randomUUID().toString().replace("-", "") + ":greeting";
	}

	@Test
	void answersARepeatedUpsertWithTheFirstVariantAndAppendsNothing() {
		String key = UUID.randomUUID().toString();
		PolicyVariantView first = policies.upsert(upsert("v1", "hello", key));
		long head = head();

		PolicyVariantView again = policies.upsert(upsert("v1", "hello", key));

		assertThat(again).isEqualTo(first);
		assertThat(head()).isEqualTo(head);
		assertThat(policies.validationRuns(policy, "v1")).hasSize(1);
		assertThat(keyOf("v1.policy_variant.saved")).isEqualTo(key);
	}

	@Test
	void answersARetryAfterTheVariantChangedWithWhatTheFirstRequestGot() {
		String key = UUID.randomUUID().toString();
		PolicyVariantView first = policies.upsert(upsert("v1", "hello", key));
		policies.upsert(upsert("v1", "changed since", null));

		PolicyVariantView again = policies.upsert(upsert("v1", "hello", key));

		assertThat(again).isEqualTo(first);
		assertThat(policies.find(policy, "v1").orElseThrow().content()).containsEntry("text", "changed since");
	}

	@Test
	void refusesAnUpsertKeyUsedForAnotherVariantOrByAnotherActor() {
		String key = UUID.randomUUID().toString();
		policies.upsert(upsert("v1", "hello", key));

		assertThatExceptionOfType(CodedException.class).isThrownBy(() -> policies.upsert(upsert("v2", "hello", key)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(KernelErrorCode.IDEMPOTENCY_KEY_REUSED));
		assertThatExceptionOfType(CodedException.class)
			.isThrownBy(() -> policies.upsert(new UpsertPolicyVariant(policy, "v1", "1.0", 1, PolicyStatus.DRAFT,
					Map.of("text", "hello"), null, "mallory", key)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(KernelErrorCode.IDEMPOTENCY_KEY_REUSED));
		assertThat(policies.find(policy, "v2")).isEmpty();
	}

	@Test
	void leavesAKeyUnusedWhenTheUpsertFailsSoACorrectedRetrySucceeds() {
		String key = UUID.randomUUID().toString();
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> policies.upsert(new UpsertPolicyVariant(policy, "v1", "1.0", 1, PolicyStatus.DRAFT, Map.of(), null,
					"alice", key)))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_VALIDATION_ERROR));

		PolicyVariantView stored = policies.upsert(upsert("v1", "hello", key));

		assertThat(stored.content()).containsEntry("text", "hello");
		assertThat(policies.validationRuns(policy, "v1")).extracting(ValidationResult::valid).containsExactly(true, false);
	}

	@Test
	void answersARepeatedValidationWithTheFirstRun() {
		String key = UUID.randomUUID().toString();
		ValidatePolicyVariant validate = new ValidatePolicyVariant(policy, "v1", "1.0", 1, PolicyStatus.DRAFT, Map.of(), "alice",
				key);
		ValidationResult first = policies.validate(validate);

		ValidationResult again = policies.validate(validate);

		assertThat(again).isEqualTo(first);
		assertThat(first.valid()).isFalse();
		assertThat(policies.validationRuns(policy, "v1")).hasSize(1);
	}

	@Test
	void answersARepeatedTypeRegistrationWithTheFirstType() {
		String key = UUID.randomUUID().toString();
		String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
		RegisterPolicyType register = new RegisterPolicyType(name, PolicyLayer.CONTENT, Map.of("type", "object"), "admin", key);
		PolicyTypeView first = policies.registerPolicyType(register);
		long head = head();

		PolicyTypeView again = policies.registerPolicyType(register);

		assertThat(again).isEqualTo(first);
		assertThat(head()).isEqualTo(head);
	}

	@Test
	void answersARepeatedPublishWithTheFirstRun() {
		String world = "world-" + UUID.randomUUID();
		worlds.create(new CreateWorld(world, "Published", "", true, Map.of(), "alice"));
		policies.upsert(upsert("v1", "hello", null));
		activations.activate(new ActivatePolicy(world, "", policy, "v1", "op"));
		String key = UUID.randomUUID().toString();
		PublishRunView first = publishing.publish(new PublishScope(world, "", "op", key));
		long head = head();

		PublishRunView again = publishing.publish(new PublishScope(world, "", "op", key));

		assertThat(again).isEqualTo(first);
		assertThat(again).isEqualTo(publishing.find(first.publishRunId()).orElseThrow());
		assertThat(head()).isEqualTo(head);
		assertThat(publishing.runs(world, null, null, 10).items()).hasSize(1);
	}

	private UpsertPolicyVariant upsert(String variant, String text, String key) {
		return new UpsertPolicyVariant(policy, variant, "1.0", 1, PolicyStatus.DRAFT, Map.of("text", text), null, "alice", key);
	}

	private String keyOf(String type) {
		return jdbc.sql("SELECT idempotency_key FROM policy.event_log WHERE type = ? AND subject_id = ? ORDER BY sequence LIMIT 1")
			.params(type, policy + "@v1")
			.query(String.class)
			.single();
	}

	private long head() {
		return jdbc.sql("SELECT coalesce(max(sequence), 0) FROM policy.event_log").query(Long.class).single();
	}
}
