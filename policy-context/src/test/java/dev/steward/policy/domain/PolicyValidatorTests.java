package dev.steward.policy.domain;

import dev.steward.policy.PolicyLayer;

import static dev.steward.policy.PolicyFixtures.REFERENCED_PROMPT;
import static dev.steward.policy.PolicyFixtures.REFERENCED_VARIANT;
import static dev.steward.policy.PolicyFixtures.anyPolicyId;
import static dev.steward.policy.PolicyFixtures.contentWith;
import static dev.steward.policy.PolicyFixtures.contentWithout;
import static dev.steward.policy.PolicyFixtures.reference;
import static dev.steward.policy.PolicyFixtures.validContent;
import static dev.steward.policy.PolicyFixtures.validDraft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.domain.PolicyDraft;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyValidatorTests {

	private static final Map<String, Object> WEATHER_SCHEMA = Map.of("type", "object", "required", List.of("size"));

	private final KnownVariants variants = new KnownVariants().with(REFERENCED_PROMPT, REFERENCED_VARIANT);

	private final PolicyTypes types = PolicyTypes.builtIns();

	private final PolicyValidator validator = new PolicyValidator(variants, CannedSchemaCheck.passing());

	// Every policy

	@ParameterizedTest
	@ValueSource(strings = { "image_block", "species_block", "clothing_block", "location", "prompt",
			"tone_profile", "descriptor_layer", "registry", "axis_bundle", "manifest_bundle" })
	void acceptsAValidDraftOfEachBuiltInType(String type) {
		PolicyDraft draft = validDraft(type);

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome).isEqualTo(ValidationOutcome.passed());
	}

	@Test
	void throwsForATypeThatIsNeitherBuiltInNorRegistered() {
		PolicyDraft draft = validDraft(anyPolicyId("widget"), Map.of("text", "hello"));

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> validator.validate(draft, types))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_UNSUPPORTED))
			.withMessageStartingWith("Policy type widget is not supported");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "\t" })
	void rejectsABlankVariant(String variant) {
		PolicyDraft draft = PolicyDraft.of(anyPolicyId("prompt"), variant, "1.0", 1, "draft", validContent("prompt"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("variant must not be blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void rejectsABlankSchemaVersion(String schemaVersion) {
		PolicyDraft draft = PolicyDraft.of(anyPolicyId("prompt"), "v1", schemaVersion, 1, "draft",
				validContent("prompt"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("schemaVersion must not be blank");
	}

	@Test
	void rejectsAPolicyVersionBelowOne() {
		PolicyDraft draft = PolicyDraft.of(anyPolicyId("prompt"), "v1", "1.0", 0, "draft", validContent("prompt"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("policyVersion must be 1 or more, not 0");
	}

	@Test
	void acceptsAnyPolicyVersionFromOneUp() {
		PolicyDraft draft = PolicyDraft.of(anyPolicyId("prompt"), "v7", "1.0", 7, "draft", validContent("prompt"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.valid()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "published", "", "Active" })
	void rejectsAStatusOutsideTheAllowedSet(String status) {
		PolicyDraft draft = PolicyDraft.of(anyPolicyId("prompt"), "v1", "1.0", 1, status, validContent("prompt"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("status must be one of: draft, candidate, active, archived");
	}

	@ParameterizedTest
	@ValueSource(strings = { "draft", "candidate", "active", "archived" })
	void acceptsEachAllowedStatus(String status) {
		PolicyDraft draft = PolicyDraft.of(anyPolicyId("prompt"), "v1", "1.0", 1, status, validContent("prompt"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.valid()).isTrue();
	}

	@Test
	void collectsEveryErrorInsteadOfStoppingAtTheFirst() {
		PolicyId outsideTheSpeciesNamespace = PolicyId.of("species_block", "image.blocks.animals", "goblin");
		PolicyDraft draft = PolicyDraft.of(outsideTheSpeciesNamespace, " ", "", 0, "retired",
				Map.of("slot_kinds", List.of("hair", ""), "text", 42));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.valid()).isFalse();
		assertThat(outcome.errors()).containsExactly("variant must not be blank", "schemaVersion must not be blank",
				"policyVersion must be 1 or more, not 0", "status must be one of: draft, candidate, active, archived",
				"content.slot_kinds[1] must be a non-empty string",
				"namespace must be image.blocks.species for a species_block, not image.blocks.animals",
				"content.text must be a non-empty string");
	}

	// content.slot_kinds, for every type

	@Test
	void acceptsSlotKindsThatAreNonEmptyStrings() {
		PolicyDraft draft = validDraft("location", contentWith("location", "slot_kinds", List.of("sky", "ground")));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.valid()).isTrue();
	}

	@Test
	void rejectsAnEmptyListOfSlotKinds() {
		PolicyDraft draft = validDraft("location", contentWith("location", "slot_kinds", List.of()));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors())
			.containsExactly("content.slot_kinds must be a non-empty list of non-empty strings when given");
	}

	@Test
	void rejectsSlotKindsThatAreNotAList() {
		PolicyDraft draft = validDraft("manifest_bundle", contentWith("manifest_bundle", "slot_kinds", "sky"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors())
			.containsExactly("content.slot_kinds must be a non-empty list of non-empty strings when given");
	}

	@Test
	void rejectsSlotKindsThatAreNull() {
		PolicyDraft draft = validDraft("location", contentWith("location", "slot_kinds", null));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors())
			.containsExactly("content.slot_kinds must be a non-empty list of non-empty strings when given");
	}

	@Test
	void namesEachSlotKindThatIsBlankOrNotAString() {
		PolicyDraft draft = validDraft("registry",
				contentWith("registry", "slot_kinds", Arrays.asList("sky", " ", 3, null)));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.slot_kinds[1] must be a non-empty string",
				"content.slot_kinds[2] must be a non-empty string", "content.slot_kinds[3] must be a non-empty string");
	}

	// Layer 1 content

	@Test
	void rejectsASpeciesBlockOutsideTheSpeciesNamespace() {
		PolicyDraft draft = validDraft(PolicyId.of("species_block", "image.blocks", "goblin"),
				validContent("species_block"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors())
			.containsExactly("namespace must be image.blocks.species for a species_block, not image.blocks");
	}

	@Test
	void rejectsASpeciesBlockWithoutText() {
		PolicyDraft draft = validDraft("species_block", contentWithout("species_block", "text"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.text must be a non-empty string");
	}

	@ParameterizedTest
	@ValueSource(strings = { "image_block", "clothing_block", "location", "prompt" })
	void rejectsContentWithoutText(String type) {
		PolicyDraft draft = validDraft(type, contentWithout(type, "text"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.text must be a non-empty string");
	}

	@ParameterizedTest
	@ValueSource(strings = { "image_block", "clothing_block", "location", "prompt" })
	void rejectsContentWithBlankText(String type) {
		PolicyDraft draft = validDraft(type, contentWith(type, "text", " \n "));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.text must be a non-empty string");
	}

	@ParameterizedTest
	@ValueSource(strings = { "image_block", "clothing_block", "location", "prompt" })
	void rejectsTextThatIsNotAString(String type) {
		PolicyDraft draft = validDraft(type, contentWith(type, "text", List.of("a", "b")));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.text must be a non-empty string");
	}

	@Test
	void rejectsAToneProfileWithoutAPromptBlock() {
		PolicyDraft draft = validDraft("tone_profile", Map.of("text", "Speak tersely."));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.prompt_block must be a non-empty string");
	}

	@Test
	void rejectsAToneProfileWithABlankPromptBlock() {
		PolicyDraft draft = validDraft("tone_profile", contentWith("tone_profile", "prompt_block", ""));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.prompt_block must be a non-empty string");
	}

	// Runtime bundles

	@ParameterizedTest
	@ValueSource(strings = { "axes", "thresholds", "resolution" })
	void rejectsAnAxisBundleWithAnEmptyPart(String part) {
		PolicyDraft draft = validDraft("axis_bundle", contentWith("axis_bundle", part, Map.of()));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content." + part + " must be a non-empty object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "axes", "thresholds", "resolution" })
	void rejectsAnAxisBundleWithAPartThatIsNotAnObject(String part) {
		PolicyDraft draft = validDraft("axis_bundle", contentWith("axis_bundle", part, List.of("mood")));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content." + part + " must be a non-empty object");
	}

	@Test
	void namesEveryMissingPartOfAnAxisBundle() {
		PolicyDraft draft = validDraft("axis_bundle", Map.of());

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.axes must be a non-empty object",
				"content.thresholds must be a non-empty object", "content.resolution must be a non-empty object");
	}

	@Test
	void rejectsAManifestBundleWithoutAManifest() {
		PolicyDraft draft = validDraft("manifest_bundle", Map.of("text", "no manifest"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.manifest must be a non-empty object");
	}

	@Test
	void rejectsAManifestBundleWithAnEmptyManifest() {
		PolicyDraft draft = validDraft("manifest_bundle", contentWith("manifest_bundle", "manifest", Map.of()));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.manifest must be a non-empty object");
	}

	// Layer 2 composites

	@ParameterizedTest
	@ValueSource(strings = { "registry", "descriptor_layer" })
	void rejectsACompositeWithoutReferences(String type) {
		PolicyDraft draft = validDraft(type, contentWithout(type, "references"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors())
			.containsExactly("content.references must be a non-empty list of {policy_id, variant} objects");
	}

	@ParameterizedTest
	@ValueSource(strings = { "registry", "descriptor_layer" })
	void rejectsACompositeWithAnEmptyListOfReferences(String type) {
		PolicyDraft draft = validDraft(type, contentWith(type, "references", List.of()));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors())
			.containsExactly("content.references must be a non-empty list of {policy_id, variant} objects");
	}

	@Test
	void rejectsReferencesThatAreNotAList() {
		PolicyDraft draft = validDraft("registry",
				contentWith("registry", "references", reference(REFERENCED_PROMPT.value(), REFERENCED_VARIANT)));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors())
			.containsExactly("content.references must be a non-empty list of {policy_id, variant} objects");
	}

	@Test
	void rejectsAReferenceThatIsNotAnObject() {
		PolicyDraft draft = validDraft("registry", contentWith("registry", "references",
				List.of(reference(REFERENCED_PROMPT.value(), REFERENCED_VARIANT), REFERENCED_PROMPT.value())));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.references[1] must be an object with policy_id and variant");
	}

	@Test
	void rejectsAReferenceWithoutPolicyIdOrVariant() {
		PolicyDraft draft = validDraft("registry", contentWith("registry", "references", List.of(Map.of())));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.references[0].policy_id must be a non-empty string",
				"content.references[0].variant must be a non-empty string");
	}

	@Test
	void rejectsAReferenceWithABlankVariant() {
		PolicyDraft draft = validDraft("registry",
				contentWith("registry", "references", List.of(reference(REFERENCED_PROMPT.value(), " "))));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.references[0].variant must be a non-empty string");
	}

	@Test
	void rejectsAReferenceWhosePolicyIdDoesNotParse() {
		PolicyDraft draft = validDraft("registry",
				contentWith("registry", "references", List.of(reference("prompt:npc.dialogue", "v1"))));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly(
				"content.references[0].policy_id must have the form type:namespace:key, not 'prompt:npc.dialogue'");
	}

	@Test
	void rejectsAReferenceToAnUnsupportedType() {
		PolicyDraft draft = validDraft("registry",
				contentWith("registry", "references", List.of(reference("widget:npc:greeting", "v1"))));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors())
			.containsExactly("content.references[0].policy_id names a policy type that is not supported: widget");
	}

	@Test
	void rejectsAReferenceToALayerTwoType() {
		PolicyId otherRegistry = anyPolicyId("registry");
		variants.with(otherRegistry, "v1");
		PolicyDraft draft = validDraft("descriptor_layer", contentWith("descriptor_layer", "references",
				List.of(reference(REFERENCED_PROMPT.value(), REFERENCED_VARIANT), reference(otherRegistry.value(), "v1"))));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors())
			.containsExactly("content.references[1].policy_id must name a layer-1 policy type, not registry");
	}

	@ParameterizedTest
	@ValueSource(strings = { "axis_bundle", "manifest_bundle" })
	void rejectsAReferenceToARuntimeBundle(String type) {
		PolicyId bundle = anyPolicyId(type);
		variants.with(bundle, "v1");
		PolicyDraft draft = validDraft("registry",
				contentWith("registry", "references", List.of(reference(bundle.value(), "v1"))));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors())
			.containsExactly("content.references[0].policy_id must name a layer-1 policy type, not " + type);
	}

	@Test
	void rejectsAReferenceToAVariantThatDoesNotExist() {
		PolicyDraft draft = validDraft("registry",
				contentWith("registry", "references", List.of(reference(REFERENCED_PROMPT.value(), "v2"))));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly(
				"content.references[0] points at variant v2 of prompt:npc.dialogue:greeting, which does not exist");
	}

	@Test
	void acceptsAReferenceToAnExistingLayerOneVariantWrittenWithSurroundingWhitespace() {
		PolicyDraft draft = validDraft("registry", contentWith("registry", "references",
				List.of(reference(" prompt : npc.dialogue : greeting ", " v1 "))));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.valid()).isTrue();
	}

	@Test
	void reportsEveryBadReference() {
		PolicyDraft draft = validDraft("registry", contentWith("registry", "references",
				List.of(reference("nonsense", "v1"), reference(REFERENCED_PROMPT.value(), REFERENCED_VARIANT),
						reference("registry:a:b", "v1"), reference(REFERENCED_PROMPT.value(), "v9"))));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly(
				"content.references[0].policy_id must have the form type:namespace:key, not 'nonsense'",
				"content.references[2].policy_id must name a layer-1 policy type, not registry",
				"content.references[3] points at variant v9 of prompt:npc.dialogue:greeting, which does not exist");
	}

	@Test
	void rejectsADescriptorLayerWithoutText() {
		PolicyDraft draft = validDraft("descriptor_layer", contentWithout("descriptor_layer", "text"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("content.text must be a non-empty string");
	}

	@Test
	void acceptsARegistryWithoutText() {
		PolicyDraft draft = validDraft("registry", contentWithout("registry", "text"));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.valid()).isTrue();
	}

	// Registered types

	@Test
	void checksTheContentOfARegisteredTypeAgainstItsSchema() {
		CannedSchemaCheck schemaCheck = CannedSchemaCheck.failingWith("content.size must be an integer");
		PolicyTypes types = withWeather(PolicyLayer.CONTENT);
		PolicyValidator validator = new PolicyValidator(variants, schemaCheck);
		Map<String, Object> content = Map.of("size", "large");

		ValidationOutcome outcome = validator.validate(validDraft("weather_pattern", content), types);

		assertThat(outcome.errors()).containsExactly("content.size must be an integer");
		assertThat(schemaCheck.calls()).containsExactly(new CannedSchemaCheck.Call(WEATHER_SCHEMA, content));
	}

	@Test
	void acceptsARegisteredTypeWhoseContentSatisfiesItsSchema() {
		PolicyTypes types = withWeather(PolicyLayer.CONTENT);
		PolicyValidator validator = new PolicyValidator(variants,
				CannedSchemaCheck.passing());

		ValidationOutcome outcome = validator.validate(validDraft("weather_pattern", Map.of("size", 3)), types);

		assertThat(outcome.valid()).isTrue();
	}

	@Test
	void appliesTheRulesForEveryPolicyToARegisteredTypeToo() {
		CannedSchemaCheck schemaCheck = CannedSchemaCheck.failingWith("content.size is required");
		PolicyTypes types = withWeather(PolicyLayer.CONTENT);
		PolicyValidator validator = new PolicyValidator(variants, schemaCheck);
		PolicyDraft draft = PolicyDraft.of(anyPolicyId("weather_pattern"), "v1", "1.0", 0, "draft",
				Map.of("slot_kinds", List.of()));

		ValidationOutcome outcome = validator.validate(draft, types);

		assertThat(outcome.errors()).containsExactly("policyVersion must be 1 or more, not 0",
				"content.slot_kinds must be a non-empty list of non-empty strings when given", "content.size is required");
	}

	@Test
	void checksTheReferencesOfARegisteredLayerTwoType() {
		PolicyTypes types = withWeather(PolicyLayer.COMPOSITE);
		PolicyValidator validator = new PolicyValidator(variants,
				CannedSchemaCheck.passing());

		ValidationOutcome outcome = validator.validate(validDraft("weather_pattern", Map.of("size", 3)), types);

		assertThat(outcome.errors())
			.containsExactly("content.references must be a non-empty list of {policy_id, variant} objects");
	}

	@Test
	void letsACompositeReferToARegisteredLayerOneType() {
		PolicyTypes types = withWeather(PolicyLayer.CONTENT);
		PolicyValidator validator = new PolicyValidator(variants,
				CannedSchemaCheck.passing());
		PolicyId weather = anyPolicyId("weather_pattern");
		variants.with(weather, "v3");

		ValidationOutcome outcome = validator.validate(
				validDraft("registry", contentWith("registry", "references", List.of(reference(weather.value(), "v3")))), types);

		assertThat(outcome.valid()).isTrue();
	}

	@Test
	void doesNotAskTheSchemaCheckAboutBuiltInTypes() {
		CannedSchemaCheck schemaCheck = CannedSchemaCheck.failingWith("never");
		PolicyTypes types = withWeather(PolicyLayer.CONTENT);
		PolicyValidator validator = new PolicyValidator(variants, schemaCheck);

		ValidationOutcome outcome = validator.validate(validDraft("prompt"), types);

		assertThat(outcome.valid()).isTrue();
		assertThat(schemaCheck.calls()).isEmpty();
	}

	private static PolicyTypes withWeather(PolicyLayer layer) {
		return PolicyTypes.builtIns().register(RegisteredPolicyType.of("weather_pattern", layer, WEATHER_SCHEMA));
	}
}
