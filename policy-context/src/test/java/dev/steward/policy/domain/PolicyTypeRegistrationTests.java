package dev.steward.policy.domain;

import dev.steward.policy.PolicyLayer;

import static dev.steward.policy.domain.PolicyTests.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyTypeRegistrationTests {

	private static final Map<String, Object> SCHEMA = Map.of("type", "object");

	@Test
	void recordsANewTypeWithItsLayerAndSchema() {
		RegisteredPolicyType type = RegisteredPolicyType.of("tone", PolicyLayer.CONTENT, SCHEMA);

		PolicyTypeRegistration registration = PolicyTypeRegistration.register(type, PolicyTypes.builtIns(), "admin");

		assertThat(events(registration)).singleElement().isInstanceOfSatisfying(PolicyTypeRegistered.class,
				event -> assertThat(event.payload()).containsEntry("name", "tone")
					.containsEntry("layer", "content")
					.containsEntry("json_schema", SCHEMA));
	}

	@Test
	void refusesANameTheCatalogHoldsAlready() {
		RegisteredPolicyType tone = RegisteredPolicyType.of("tone", PolicyLayer.CONTENT, SCHEMA);
		PolicyTypes catalog = PolicyTypes.builtIns().register(tone);

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> PolicyTypeRegistration.register(tone, catalog, "admin"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_EXISTS));
	}
}
