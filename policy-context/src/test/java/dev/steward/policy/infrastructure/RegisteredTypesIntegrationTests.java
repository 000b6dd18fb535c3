package dev.steward.policy.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.domain.PolicyLayer;
import dev.steward.policy.domain.RegisteredPolicyType;
import dev.steward.policy.domain.RegisteredTypes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The adapter alone, with no use case to log what it stores: each test removes its types afterwards, so that no
 * view row is left that the policy log does not explain.
 */
@SpringBootTest
class RegisteredTypesIntegrationTests {

	private static final Map<String, Object> SCHEMA = Map.of("type", "object", "required", List.of("text"),
			"properties", Map.of("text", Map.of("type", "string", "minLength", 1), "weight",
					Map.of("type", "number", "maximum", 2.5), "tags", Map.of("type", "array", "uniqueItems", true)),
			"additionalProperties", false);

	@Autowired
	RegisteredTypes types;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeTheTypesOfThisTest() {
		jdbc.sql("DELETE FROM policy.policy_type WHERE name LIKE '%type_%' AND registered_by IN ('alice', 'bob')")
			.update();
	}

	@Test
	void storesATypeAndListsItWithItsLayerAndSchema() {
		RegisteredPolicyType type = RegisteredPolicyType.of(anyTypeName(), PolicyLayer.COMPOSITE, SCHEMA);

		types.add(type, "alice");
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

		types.add(type, "bob");

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

		types.add(RegisteredPolicyType.of(earlier, PolicyLayer.CONTENT, SCHEMA), "alice");
		types.add(RegisteredPolicyType.of(later, PolicyLayer.CONTENT, SCHEMA), "alice");

		assertThat(types.all())
			.extracting(RegisteredPolicyType::name)
			.filteredOn(name -> name.equals(earlier) || name.equals(later))
			.containsExactly(earlier, later);
	}

	@Test
	void refusesASecondTypeOfTheSameNameAsExisting() {
		String name = anyTypeName();
		types.add(RegisteredPolicyType.of(name, PolicyLayer.CONTENT, SCHEMA), "alice");

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> types.add(RegisteredPolicyType.of(name, PolicyLayer.COMPOSITE, Map.of()), "bob"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_EXISTS))
			.withMessage("Policy type " + name + " exists already");
		assertThat(types.all()).filteredOn(stored -> stored.name().equals(name))
			.singleElement()
			.satisfies(stored -> assertThat(stored.type().layer()).isEqualTo(PolicyLayer.CONTENT));
	}

	static String anyTypeName() {
		return "type_" + UUID.randomUUID().toString().replace("-", "");
	}
}
