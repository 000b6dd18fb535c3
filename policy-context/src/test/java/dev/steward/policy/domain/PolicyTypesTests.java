package dev.steward.policy.domain;

import dev.steward.policy.PolicyLayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTypesTests {

	private static final Map<String, Object> SCHEMA = Map.of("type", "object", "required", List.of("size"));

	@Test
	void knowsTheTenBuiltInTypesWithTheirLayers() {
		PolicyTypes catalog = PolicyTypes.builtIns();

		List<PolicyType> types = catalog.all();

		assertThat(types)
			.extracting(PolicyType::name, PolicyType::layer, PolicyType::builtIn)
			.containsExactly(tuple("image_block", PolicyLayer.CONTENT, true),
					tuple("species_block", PolicyLayer.CONTENT, true),
					tuple("clothing_block", PolicyLayer.CONTENT, true),
					tuple("location", PolicyLayer.CONTENT, true),
					tuple("prompt", PolicyLayer.CONTENT, true),
					tuple("tone_profile", PolicyLayer.CONTENT, true),
					tuple("descriptor_layer", PolicyLayer.COMPOSITE, true),
					tuple("registry", PolicyLayer.COMPOSITE, true),
					tuple("axis_bundle", PolicyLayer.RUNTIME_BUNDLE, true),
					tuple("manifest_bundle", PolicyLayer.RUNTIME_BUNDLE, true));
	}

	@Test
	void importsRuntimeBundlesWithLayerOneAndCompositesAfterThem() {
		PolicyTypes catalog = PolicyTypes.builtIns();

		List<PolicyType> types = catalog.all();

		assertThat(types)
			.extracting(PolicyType::name, type -> type.layer().importOrder())
			.contains(tuple("prompt", 1), tuple("axis_bundle", 1), tuple("manifest_bundle", 1),
					tuple("registry", 2), tuple("descriptor_layer", 2));
	}

	@Test
	void letsCompositesReferToLayerOneContentOnly() {
		PolicyTypes catalog = PolicyTypes.builtIns();

		List<PolicyType> referenceable = catalog.all().stream().filter(PolicyType::isReferenceable).toList();

		assertThat(referenceable)
			.extracting(PolicyType::name)
			.containsExactly("image_block", "species_block", "clothing_block", "location", "prompt", "tone_profile");
	}

	@Test
	void findsABuiltInTypeByName() {
		PolicyTypes catalog = PolicyTypes.builtIns();

		PolicyType type = catalog.require("tone_profile");

		assertThat(type).isEqualTo(PolicyType.TONE_PROFILE);
	}

	@Test
	void rejectsAnUnknownTypeAsUnsupported() {
		PolicyTypes catalog = PolicyTypes.builtIns();

		assertThat(catalog.find("widget")).isEmpty();
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> catalog.require("widget"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_UNSUPPORTED))
			.withMessageStartingWith("Policy type widget is not supported");
	}

	@Test
	void registersATypeWithItsLayerAndSchema() {
		RegisteredPolicyType weather = RegisteredPolicyType.of("weather_pattern", PolicyLayer.CONTENT, SCHEMA);

		PolicyTypes catalog = PolicyTypes.builtIns().register(weather);

		assertThat(catalog.require("weather_pattern"))
			.isEqualTo(PolicyType.registered("weather_pattern", PolicyLayer.CONTENT));
		assertThat(catalog.registered("weather_pattern")).hasValueSatisfying(
				registered -> assertThat(registered.schema()).isEqualTo(SCHEMA));
		assertThat(catalog.all()).hasSize(11).last().extracting(PolicyType::builtIn).isEqualTo(false);
	}

	@Test
	void leavesTheCatalogItRegistersInUnchanged() {
		PolicyTypes before = PolicyTypes.builtIns();

		PolicyTypes after = before.register(RegisteredPolicyType.of("weather_pattern", PolicyLayer.CONTENT, SCHEMA));

		assertThat(before.find("weather_pattern")).isEmpty();
		assertThat(after.find("weather_pattern")).isPresent();
	}

	@Test
	void buildsACatalogFromRegisteredTypes() {
		List<RegisteredPolicyType> registered = List.of(
				RegisteredPolicyType.of("weather_pattern", PolicyLayer.CONTENT, SCHEMA),
				RegisteredPolicyType.of("weather_set", PolicyLayer.COMPOSITE, SCHEMA));

		PolicyTypes catalog = PolicyTypes.of(registered);

		assertThat(catalog.all()).hasSize(12);
		assertThat(catalog.require("weather_set").layer()).isEqualTo(PolicyLayer.COMPOSITE);
	}

	@Test
	void hasNoSchemaForABuiltInType() {
		PolicyTypes catalog = PolicyTypes.builtIns();

		assertThat(catalog.registered("prompt")).isEmpty();
	}

	@Test
	void rejectsARegisteredNameThatIsTakenByABuiltInType() {
		RegisteredPolicyType prompt = RegisteredPolicyType.of("prompt", PolicyLayer.CONTENT, SCHEMA);

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> PolicyTypes.builtIns().register(prompt))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_EXISTS))
			.withMessage("Policy type prompt exists already as a built-in type");
	}

	@Test
	void rejectsRegisteringTheSameNameTwice() {
		PolicyTypes catalog = PolicyTypes.builtIns()
			.register(RegisteredPolicyType.of("weather_pattern", PolicyLayer.CONTENT, SCHEMA));

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> catalog
				.register(RegisteredPolicyType.of("weather_pattern", PolicyLayer.COMPOSITE, Map.of())))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_EXISTS))
			.withMessage("Policy type weather_pattern exists already");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Weather", "weather-pattern", "1weather", "_weather", "weather pattern",
			"weather.pattern", "wétter" })
	void rejectsANameThatIsNotALowerCaseIdentifier(String name) {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> RegisteredPolicyType.of(name, PolicyLayer.CONTENT, SCHEMA))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_INVALID));
	}

	@Test
	void rejectsANameLongerThan64Characters() {
		String name = "w".repeat(65);

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> RegisteredPolicyType.of(name, PolicyLayer.CONTENT, SCHEMA))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_INVALID));
	}

	@ParameterizedTest
	@ValueSource(strings = { "w", "weather_2", "weather_pattern_" })
	void acceptsALowerCaseIdentifier(String name) {
		RegisteredPolicyType type = RegisteredPolicyType.of(name, PolicyLayer.CONTENT, SCHEMA);

		assertThat(type.name()).isEqualTo(name);
	}

	@Test
	void acceptsANameOf64Characters() {
		String name = "w" + "_9".repeat(31) + "z";

		RegisteredPolicyType type = RegisteredPolicyType.of(name, PolicyLayer.CONTENT, SCHEMA);

		assertThat(type.name()).hasSize(64);
	}

	@Test
	void rejectsRegisteringABuiltInType() {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> new RegisteredPolicyType(PolicyType.PROMPT, SCHEMA))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_INVALID));
	}
}
