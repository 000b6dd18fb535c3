package dev.steward.policy.application;

import dev.steward.policy.PolicyStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyFacade.PolicyFilter;
import dev.steward.kernel.CodedException;
import dev.steward.kernel.KernelErrorCode;
import dev.steward.kernel.Page;
import dev.steward.policy.PolicyFacade.PolicyVariantView;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import dev.steward.policy.PolicyFacade.ValidatePolicyVariant;
import dev.steward.policy.PolicyFacade.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class PolicyManagementIntegrationTests {

	@Autowired
	PolicyFacade policies;

	@Autowired
	EventLog log;

	@Test
	void storesAValidVariantReadsItBackAndLogsIt() throws Exception {
		String id = "prompt:" + anyNamespace() + ":greeting";
		long head = log.head();

		PolicyVariantView saved = policies.upsert(upsert(id, "v1", 1, Map.of("text", "Hello")));

		assertThat(saved.policyType()).isEqualTo("prompt");
		assertThat(saved.policyKey()).isEqualTo("greeting");
		assertThat(saved.status()).isEqualTo("draft");
		assertThat(saved.updatedBy()).isEqualTo("alice");
		assertThat(saved.version()).isZero();
		assertThat(saved.contentHash()).isEqualTo(sha256("{\"content\":{\"text\":\"Hello\"},\"policy_id\":\"" + id
				+ "\",\"variant\":\"v1\"}"));
		assertThat(log.after(head, 10)).extracting(LogEntry::type)
			.containsExactly("v1.policy_variant.validated", "v1.policy_variant.saved");
		assertThat(log.after(head, 10).getLast().payload()).containsEntry("content", Map.of("text", "Hello"))
			.containsEntry("version", 0L);
		assertThat(policies.validationRuns(id, "v1")).singleElement()
			.satisfies(run -> assertThat(run.valid()).isTrue());
	}

	@Test
	void neverStoresAnInvalidVariantButRecordsItsRun() {
		String id = "prompt:" + anyNamespace() + ":broken";

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> policies.upsert(new UpsertPolicyVariant(id, "v1", " ", 0, PolicyStatus.DRAFT,
					Map.of("text", ""), null, "alice")))
			.satisfies(ex -> {
				assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_VALIDATION_ERROR);
				assertThat(ex.getMessage()).contains("; ")
					.contains("schemaVersion must not be blank")
					.contains("policyVersion must be 1 or more, not 0");
			});
		assertThat(policies.find(id, "v1")).isEmpty();
		assertThat(policies.validationRuns(id, "v1")).singleElement().satisfies(run -> {
			assertThat(run.valid()).isFalse();
			assertThat(run.errors()).hasSizeGreaterThanOrEqualTo(3);
		});
	}

	@Test
	void validatesWithoutStoring() {
		String id = "tone_profile:" + anyNamespace() + ":terse";

		ValidationResult result = policies.validate(new ValidatePolicyVariant(id, "v1", "1.0", 1, PolicyStatus.DRAFT,
				Map.of("prompt_block", "Be brief."), "bob"));

		assertThat(result.valid()).isTrue();
		assertThat(result.validatedBy()).isEqualTo("bob");
		assertThat(policies.find(id, null)).isEmpty();
		assertThat(policies.validationRuns(id, "v1")).hasSize(1);
	}

	@Test
	void refusesAStaleExpectedVersion() {
		String id = "prompt:" + anyNamespace() + ":versioned";
		policies.upsert(upsert(id, "v1", 1, Map.of("text", "one")));
		policies.upsert(upsert(id, "v1", 1, Map.of("text", "two")));

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> policies.upsert(new UpsertPolicyVariant(id, "v1", "1.0", 1, PolicyStatus.DRAFT,
					Map.of("text", "lost"), 0L, "carol")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.CONFLICT));
		assertThat(policies.find(id, "v1").orElseThrow().content()).containsEntry("text", "two");
		assertThat(policies.upsert(new UpsertPolicyVariant(id, "v1", "1.0", 1, PolicyStatus.DRAFT, Map.of("text", "three"), 1L,
				"carol")).version()).isEqualTo(2);
	}

	@Test
	void findsTheHighestPolicyVersionWhenNoVariantIsGiven() {
		String id = "prompt:" + anyNamespace() + ":latest";
		policies.upsert(upsert(id, "v2", 2, Map.of("text", "two")));
		policies.upsert(upsert(id, "v1", 1, Map.of("text", "one")));

		assertThat(policies.find(id, null)).hasValueSatisfying(variant -> assertThat(variant.variant()).isEqualTo("v2"));
	}

	@Test
	void checksThatCompositesReferToExistingLayerOneVariants() {
		String namespace = anyNamespace();
		String prompt = "prompt:" + namespace + ":base";
		policies.upsert(upsert(prompt, "v1", 1, Map.of("text", "base")));
		String registry = "registry:" + namespace + ":set";

		PolicyVariantView stored = policies.upsert(upsert(registry, "v1", 1,
				Map.of("references", List.of(Map.of("policy_id", prompt, "variant", "v1")))));

		assertThat(stored.policyType()).isEqualTo("registry");
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> policies.upsert(upsert(registry, "v2", 2,
					Map.of("references", List.of(Map.of("policy_id", prompt, "variant", "v9"))))))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_VALIDATION_ERROR));
	}

	@Test
	void listsByTypeNamespaceKeyThenPolicyVersionDescendingInPages() {
		String namespace = anyNamespace();
		policies.upsert(upsert("prompt:" + namespace + ":b", "v1", 1, Map.of("text", "b1")));
		policies.upsert(upsert("prompt:" + namespace + ":a", "v1", 1, Map.of("text", "a1")));
		policies.upsert(upsert("prompt:" + namespace + ":a", "v2", 2, Map.of("text", "a2")));
		PolicyFilter filter = new PolicyFilter("prompt", namespace, null);

		Page<PolicyVariantView> first = policies.list(filter, null, 2);
		Page<PolicyVariantView> rest = policies.list(filter, first.items().getLast().keyset(), 2);

		assertThat(first.items()).extracting(v -> v.policyKey() + "@" + v.variant()).containsExactly("a@v2", "a@v1");
		assertThat(first.hasNext()).isTrue();
		assertThat(first.hasPrevious()).isFalse();
		assertThat(rest.items()).extracting(v -> v.policyKey() + "@" + v.variant()).containsExactly("b@v1");
		assertThat(rest.hasNext()).isFalse();
		assertThat(rest.hasPrevious()).isTrue();
	}

	@Test
	void refusesACursorWhosePolicyVersionNoVariantCouldHave() {
		Map<String, Object> crafted = Map.of("policy_type", "prompt", "namespace", "ns", "policy_key", "k",
				"policy_version", 1L + Integer.MAX_VALUE, "variant", "v1");

		assertThatExceptionOfType(CodedException.class)
			.isThrownBy(() -> policies.list(PolicyFilter.none(), crafted, 2))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(KernelErrorCode.INVALID_ARGUMENT));
	}

	@Test
	void refusesAMalformedIdAndAnUnsupportedType() {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> policies.upsert(upsert("prompt::key", "v1", 1, Map.of("text", "x"))))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ID_INVALID));
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> policies.upsert(upsert("sound:" + anyNamespace() + ":k", "v1", 1, Map.of("text", "x"))))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_UNSUPPORTED));
	}

	static UpsertPolicyVariant upsert(String id, String variant, int policyVersion, Map<String, Object> content) {
		return new UpsertPolicyVariant(id, variant, "1.0", policyVersion, PolicyStatus.DRAFT, content, null, "alice");
	}

	static String anyNamespace() {
		return "ns" + UUID.randomUUID().toString().replace("-", "");
	}

	static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}
}
