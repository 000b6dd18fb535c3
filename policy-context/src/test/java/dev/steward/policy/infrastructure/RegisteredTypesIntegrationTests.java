package dev.steward.policy.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyLayer;
import dev.steward.policy.domain.RegisteredPolicyType;
import dev.steward.policy.domain.RegisteredTypes;
import dev.steward.policy.domain.PolicyTypeRegistration;
import dev.steward.policy.domain.PolicyTypes;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The adapter alone: each test runs in a transaction that is rolled back, so that neither a type nor its event is
 * left behind.
 */
@SpringBootTest
@Transactional
class RegisteredTypesIntegrationTests {

	private static final Map<String, Object> SCHEMA = Map.of("type", "object", "required", List.of("text"),
			"properties", Map.of("text", Map.of("type", "string", "minLength", 1), "weight",
					Map.of("type", "number", "maximum", 2.5), "tags", Map.of("type", "array", "uniqueItems", true)),
			"additionalProperties", false);

	@Autowired
	RegisteredTypes types;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	private void add(RegisteredPolicyType type, String actor) {
		types.save(PolicyTypeRegistration.register(type, PolicyTypes.builtIns(), actor));
	}

	@Test
	void storesATypeAndListsItWithItsLayerAndSchema() {
		RegisteredPolicyType type = RegisteredPolicyType.of(anyTypeName(), PolicyLayer.COMPOSITE, SCHEMA);

		add(type, "alice");
		List<RegisteredPolicyType> all = types.all();

		assertThat(all).filteredOn(stored -> stored.name().equals(type.name())).singleElement().satisfies(stored -> {
			assertThat(stored.type().layer()).isEqualTo(PolicyLayer.COMPOSITE);
			assertThat(stored.type().builtIn()).isFalse();
			assertThat(stored.schema()).isEqualTo(SCHEMA);
		});
	}

	@Test
	void recordsWhoRegisteredATypeAndWhen() {
		RegisteredPolicyType type = RegisteredPolicyType.of(anyTypeName(), PolicyLayer.RUNTIME_BUNDLE, SCHEMA);

		add(type, "bob");

		Map<String, Object> row = jdbc
			.sql("SELECT layer, registered_by, registered_at FROM policy.policy_type WHERE name = ?")
			.param(type.name())
			.query()
			.singleRow();
		assertThat(row).containsEntry("layer", "runtime_bundle").containsEntry("registered_by", "bob");
		assertThat(row.get("registered_at")).isNotNull();
	}

	@Test
	void listsTypesInTheOrderTheyWereRegistered() {
		String later = "b_" + anyTypeName();
		String earlier = "z_" + anyTypeName();

		add(RegisteredPolicyType.of(earlier, PolicyLayer.CONTENT, SCHEMA), "alice");
		add(RegisteredPolicyType.of(later, PolicyLayer.CONTENT, SCHEMA), "alice");

		assertThat(types.all())
			.extracting(RegisteredPolicyType::name)
			.filteredOn(name -> name.equals(earlier) || name.equals(later))
			.containsExactly(earlier, later);
	}

	@Test
	void refusesASecondTypeOfTheSameNameAsExisting() {
		String name = anyTypeName();
		add(RegisteredPolicyType.of(name, PolicyLayer.CONTENT, SCHEMA), "alice");

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> inASavepoint(() -> add(RegisteredPolicyType.of(name, PolicyLayer.COMPOSITE, Map.of()), "bob")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_EXISTS))
			.withMessage("Policy type " + name + " exists already");
		assertThat(types.all()).filteredOn(stored -> stored.name().equals(name))
			.singleElement()
			.satisfies(stored -> assertThat(stored.type().layer()).isEqualTo(PolicyLayer.CONTENT));
	}

	@Test
	void appendsTheRegistrationToThePolicyLogWithWhoRegisteredIt() {
		RegisteredPolicyType type = RegisteredPolicyType.of(anyTypeName(), PolicyLayer.CONTENT, SCHEMA);

		add(type, "alice");

		Map<String, Object> entry = jdbc
			.sql("SELECT type, subject_id, actor FROM policy.event_log ORDER BY sequence DESC LIMIT 1")
			.query()
			.singleRow();
		assertThat(entry).containsEntry("type", "v1.policy_type.registered")
			.containsEntry("subject_id", type.name())
			.containsEntry("actor", "alice");
	}

	private void inASavepoint(Runnable action) {
		TransactionTemplate nested = new TransactionTemplate(transactionManager);
		nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		nested.executeWithoutResult(status -> action.run());
	}

	static String anyTypeName() {
		return "type_" + UUID.randomUUID().toString().replace("-", "");
	}
}
