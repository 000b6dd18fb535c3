package dev.steward.policy.application;

import dev.steward.policy.PolicyStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.WorldFacade.CreateWorld;
import dev.steward.policy.RuntimeResolutionFacade.EffectiveAxisBundle;
import dev.steward.policy.RuntimeResolutionFacade.EffectiveImagePolicyBundle;
import dev.steward.policy.RuntimeResolutionFacade.EffectivePromptTemplate;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyFacade.PolicyVariantView;
import dev.steward.policy.RuntimeResolutionFacade;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import dev.steward.policy.WorldFacade;
import dev.steward.policy.domain.PolicyHashes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class RuntimeResolutionIntegrationTests {

	@Autowired
	RuntimeResolutionFacade resolution;

	@Autowired
	PolicyFacade policies;

	@Autowired
	ActivationFacade activations;

	@Autowired
	WorldFacade worlds;

	@Autowired
	PolicyHashes hashes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	String world;

	String namespace;

	String manifest;

	String bundle;

	String axis;

	@BeforeEach
	void aWorld() {
		world = "world-" + UUID.randomUUID();
		worlds.create(new CreateWorld(world, "Runtime", "", true, Map.of(), "alice"));
		namespace = "ns" + UUID.randomUUID().toString().replace("-", "");
		manifest = "manifest_bundle:world.manifests:" + world;
		bundle = "bundle-" + UUID.randomUUID();
		axis = "axis_bundle:axis.bundles:" + bundle;
	}

	// prompt template

	@Test
	void resolvesTheScopesOnlyPromptAndIgnoresOtherPolicies() {
		String prompt = prompt("greeting", "v1", "Hello, {name}.");
		activate("", prompt, "v1");
		String location = upsert("location:" + namespace + ":cellar", "v1", Map.of("text", "a cellar"));
		activate("", location, "v1");

		EffectivePromptTemplate template = resolution.effectivePromptTemplate(world, "", null);

		assertThat(template.worldId()).isEqualTo(world);
		assertThat(template.clientProfile()).isEmpty();
		assertThat(template.policyId()).isEqualTo(prompt);
		assertThat(template.variant()).isEqualTo("v1");
		assertThat(template.namespace()).isEqualTo(namespace);
		assertThat(template.policyKey()).isEqualTo("greeting");
		assertThat(template.text()).isEqualTo("Hello, {name}.");
		assertThat(template.contentHash()).isEqualTo(policies.find(prompt, "v1").orElseThrow().contentHash());
		assertThat(template.activatedIn()).isEmpty();
	}

	@Test
	void resolvesAClientProfilesPromptOverTheWorlds() {
		String prompt = prompt("greeting", "v1", "Hello.");
		prompt("greeting", "v2", "Hi!");
		activate("", prompt, "v1");
		activate("mobile", prompt, "v2");

		EffectivePromptTemplate mobile = resolution.effectivePromptTemplate(world, "mobile", null);
		EffectivePromptTemplate web = resolution.effectivePromptTemplate(world, "web", null);

		assertThat(mobile.text()).isEqualTo("Hi!");
		assertThat(mobile.clientProfile()).isEqualTo("mobile");
		assertThat(mobile.activatedIn()).isEqualTo("mobile");
		assertThat(web.text()).isEqualTo("Hello.");
		assertThat(web.clientProfile()).isEqualTo("web");
		assertThat(web.activatedIn()).isEmpty();
	}

	@Test
	void refusesSeveralPromptsWithoutASelectorAndResolvesTheOneASelectorNames() {
		String greeting = prompt("greeting", "v1", "Hello.");
		String farewell = prompt("farewell", "v1", "Goodbye.");
		activate("", greeting, "v1");
		activate("", farewell, "v1");

		EffectivePromptTemplate selected = resolution.effectivePromptTemplate(world, "", farewell);

		assertThat(selected.text()).isEqualTo("Goodbye.");
		assertRefused(() -> resolution.effectivePromptTemplate(world, "", null),
				PolicyErrorCode.POLICY_EFFECTIVE_PROMPT_AMBIGUOUS);
		assertRefused(() -> resolution.effectivePromptTemplate(world, "", " "),
				PolicyErrorCode.POLICY_EFFECTIVE_PROMPT_AMBIGUOUS);
	}

	@Test
	void refusesASelectorThatIsNotAPromptId() {
		activate("", prompt("greeting", "v1", "Hello."), "v1");

		assertRefused(() -> resolution.effectivePromptTemplate(world, "", "location:" + namespace + ":greeting"),
				PolicyErrorCode.POLICY_PROMPT_SELECTOR_INVALID);
		assertRefused(() -> resolution.effectivePromptTemplate(world, "", "prompt:greeting"),
				PolicyErrorCode.POLICY_PROMPT_SELECTOR_INVALID);
	}

	@Test
	void saysWhenTheScopeActivatesNoPromptOrNoneTheSelectorNames() {
		String greeting = prompt("greeting", "v1", "Hello.");
		prompt("farewell", "v1", "Goodbye.");

		assertRefused(() -> resolution.effectivePromptTemplate(world, "", null),
				PolicyErrorCode.POLICY_EFFECTIVE_PROMPT_NOT_FOUND);
		activate("", greeting, "v1");
		assertRefused(() -> resolution.effectivePromptTemplate(world, "", "prompt:" + namespace + ":farewell"),
				PolicyErrorCode.POLICY_EFFECTIVE_PROMPT_NOT_FOUND);
	}

	@Test
	void refusesAPromptWithEmptyText() {
		String prompt = prompt("greeting", "v1", "Hello.");
		activate("", prompt, "v1");

		inRolledBackTransaction(() -> {
			setContent(prompt, "v1", "{\"text\": \"  \"}");

			assertRefused(() -> resolution.effectivePromptTemplate(world, "", null),
					PolicyErrorCode.POLICY_EFFECTIVE_PROMPT_INVALID);
		});
	}

	@Test
	void refusesAPromptActivationWhoseVariantIsMissing() {
		String prompt = prompt("greeting", "v1", "Hello.");
		activate("", prompt, "v1");

		inRolledBackTransaction(() -> {
			deleteVariant(prompt, "v1");

			assertRefused(() -> resolution.effectivePromptTemplate(world, "", null),
					PolicyErrorCode.POLICY_EFFECTIVE_REFERENCE_MISSING);
		});
	}

	@Test
	void refusesAnUnknownWorldOrABlankOne() {
		assertRefused(() -> resolution.effectivePromptTemplate("no-world-" + UUID.randomUUID(), "", null),
				PolicyErrorCode.POLICY_WORLD_NOT_FOUND);
		assertRefused(() -> resolution.effectiveAxisBundle(" ", ""), PolicyErrorCode.POLICY_SCOPE_INVALID);
	}

	// axis bundle

	@Test
	void resolvesTheAxisBundleTheManifestNamesAndHashesItWithTheManifest() {
		Map<String, Object> content = manifestContent(Map.of("id", bundle, "version", 2),
				Map.of("composition", Map.of("required_runtime_inputs", List.of("species", "age"))));
		upsert(manifest, "v1", content);
		activate("", manifest, "v1");
		axisBundle("v1", "calm");
		axisBundle("v2", "stormy");
		activate("", axis, "v2");

		EffectiveAxisBundle resolved = resolution.effectiveAxisBundle(world, "");

		assertThat(resolved.worldId()).isEqualTo(world);
		assertThat(resolved.bundleId()).isEqualTo(bundle);
		assertThat(resolved.bundleVersion()).isEqualTo(2);
		assertThat(resolved.axes()).isEqualTo(Map.of("mood", Map.of("values", List.of("stormy"))));
		assertThat(resolved.thresholds()).isEqualTo(Map.of("mood", 0.5));
		assertThat(resolved.resolution()).isEqualTo(Map.of("order", List.of("mood")));
		assertThat(resolved.requiredRuntimeInputs()).containsExactly("species", "age");
		assertThat(resolved.manifestPolicyId()).isEqualTo(manifest);
		assertThat(resolved.manifestVariant()).isEqualTo("v1");
		assertThat(resolved.axisPolicyId()).isEqualTo(axis);
		assertThat(resolved.axisVariant()).isEqualTo("v2");
		assertThat(resolved.policyHash()).isEqualTo(hashes.hash(Map.of("manifest", content.get("manifest"),
				"axis_bundle", Map.of("axes", resolved.axes(), "thresholds", resolved.thresholds(), "resolution",
						resolved.resolution()))));
	}

	@Test
	void readsVersionOneAndNoRequiredInputsWhenTheManifestSaysNothing() {
		upsert(manifest, "v1", manifestContent(Map.of("id", bundle), null));
		activate("", manifest, "v1");
		axisBundle("v1", "calm");
		activate("", axis, "v1");

		EffectiveAxisBundle resolved = resolution.effectiveAxisBundle(world, "");

		assertThat(resolved.bundleVersion()).isEqualTo(1);
		assertThat(resolved.requiredRuntimeInputs()).isEmpty();
	}

	@Test
	void resolvesAClientProfilesManifestAndAxisBundleOverTheWorlds() {
		upsert(manifest, "v1", manifestContent(Map.of("id", bundle, "version", 1), null));
		upsert(manifest, "v2", manifestContent(Map.of("id", bundle, "version", 2), null));
		axisBundle("v1", "calm");
		axisBundle("v2", "stormy");
		activate("", manifest, "v1");
		activate("", axis, "v1");
		activate("mobile", manifest, "v2");
		activate("mobile", axis, "v2");

		EffectiveAxisBundle web = resolution.effectiveAxisBundle(world, "web");
		EffectiveAxisBundle mobile = resolution.effectiveAxisBundle(world, "mobile");

		assertThat(web.bundleVersion()).isEqualTo(1);
		assertThat(web.axes()).isEqualTo(Map.of("mood", Map.of("values", List.of("calm"))));
		assertThat(mobile.bundleVersion()).isEqualTo(2);
		assertThat(mobile.manifestVariant()).isEqualTo("v2");
		assertThat(mobile.axes()).isEqualTo(Map.of("mood", Map.of("values", List.of("stormy"))));
		assertThat(mobile.policyHash()).isNotEqualTo(web.policyHash());
	}

	@Test
	void saysWhenTheScopeActivatesNoManifest() {
		upsert(manifest, "v1", manifestContent(Map.of("id", bundle), null));

		assertRefused(() -> resolution.effectiveAxisBundle(world, ""), PolicyErrorCode.POLICY_EFFECTIVE_MANIFEST_NOT_FOUND);
		assertRefused(() -> resolution.effectiveImagePolicyBundle(world, ""),
				PolicyErrorCode.POLICY_EFFECTIVE_MANIFEST_NOT_FOUND);
	}

	@Test
	void refusesAManifestOfTheWrongShape() {
		axisBundle("v1", "calm");
		activate("", axis, "v1");
		List<Map<String, Object>> shapes = List.of(Map.of("manifest", Map.of("image", Map.of())),
				Map.of("manifest", Map.of("axis", List.of(bundle))),
				Map.of("manifest", Map.of("axis", Map.of("active_bundle", Map.of("version", 1)))),
				manifestContent(Map.of("id", " "), null),
				manifestContent(Map.of("id", bundle, "version", 0), null),
				manifestContent(Map.of("id", bundle, "version", "1"), null),
				manifestContent(Map.of("id", bundle, "version", 1.5), null),
				manifestContent(Map.of("id", bundle), Map.of("composition", Map.of("required_runtime_inputs", "species"))),
				manifestContent(Map.of("id", bundle), Map.of("composition", Map.of("required_runtime_inputs", List.of(1)))),
				manifestContent(Map.of("id", bundle), Map.of("composition", List.of())));

		for (int i = 0; i < shapes.size(); i++) {
			upsert(manifest, "v" + (i + 1), shapes.get(i));
			activate("", manifest, "v" + (i + 1));

			assertRefused(() -> resolution.effectiveAxisBundle(world, ""),
					PolicyErrorCode.POLICY_EFFECTIVE_MANIFEST_INVALID);
		}
	}

	@Test
	void saysWhenTheScopeActivatesNoVariantOfTheNamedAxisBundle() {
		upsert(manifest, "v1", manifestContent(Map.of("id", bundle), null));
		activate("", manifest, "v1");
		axisBundle("v1", "calm");

		assertRefused(() -> resolution.effectiveAxisBundle(world, ""),
				PolicyErrorCode.POLICY_EFFECTIVE_AXIS_BUNDLE_NOT_FOUND);
	}

	@Test
	void refusesAnAxisBundleActivatedAtAnotherVersionThanTheManifestNames() {
		upsert(manifest, "v1", manifestContent(Map.of("id", bundle, "version", 2), null));
		activate("", manifest, "v1");
		axisBundle("v1", "calm");
		axisBundle("v2", "stormy");
		activate("", axis, "v1");

		assertRefused(() -> resolution.effectiveAxisBundle(world, ""),
				PolicyErrorCode.POLICY_EFFECTIVE_AXIS_BUNDLE_VERSION_MISMATCH);
	}

	@Test
	void refusesAnAxisBundleWhoseAxesThresholdsOrResolutionIsNotAnObject() {
		upsert(manifest, "v1", manifestContent(Map.of("id", bundle), null));
		activate("", manifest, "v1");
		axisBundle("v1", "calm");
		activate("", axis, "v1");

		for (String part : List.of("axes", "thresholds", "resolution")) {
			inRolledBackTransaction(() -> {
				Map<String, String> parts = new LinkedHashMap<>(Map.of("axes", "{\"a\": 1}", "thresholds", "{\"a\": 1}",
						"resolution", "{\"a\": 1}"));
				parts.put(part, "[1]");
				setContent(axis, "v1", "{\"axes\": " + parts.get("axes") + ", \"thresholds\": " + parts.get("thresholds")
						+ ", \"resolution\": " + parts.get("resolution") + "}");

				assertRefused(() -> resolution.effectiveAxisBundle(world, ""),
						PolicyErrorCode.POLICY_EFFECTIVE_AXIS_BUNDLE_INVALID);
			});
		}
	}

	@Test
	void refusesAManifestActivationWhoseVariantIsMissing() {
		upsert(manifest, "v1", manifestContent(Map.of("id", bundle), null));
		activate("", manifest, "v1");

		inRolledBackTransaction(() -> {
			deleteVariant(manifest, "v1");

			assertRefused(() -> resolution.effectiveAxisBundle(world, ""),
					PolicyErrorCode.POLICY_EFFECTIVE_REFERENCE_MISSING);
		});
	}

	// image policy bundle

	@Test
	void describesTheImagePolicyAndTheComponentsTheScopeDoesNotActivate() {
		String species = upsert("species_block:image.blocks.species:" + namespace, "v1", Map.of("text", "a goblin"));
		List<Map<String, Object>> references = List.of(Map.of("policy_id", species, "variant", "v1"));
		String descriptor = upsert("descriptor_layer:" + namespace + ":base", "v1",
				Map.of("text", "portrait", "references", references));
		String tone = upsert("tone_profile:" + namespace + ":noir", "v1", Map.of("prompt_block", "high contrast"));
		String speciesRegistry = upsert("registry:" + namespace + ":species", "v1", Map.of("references", references));
		String clothingRegistry = "registry:" + namespace + ":clothing";
		Map<String, Object> image = new LinkedHashMap<>();
		image.put("composition", Map.of("order", List.of("descriptor_layer", "tone_profile", "species_registry"),
				"required_runtime_inputs", List.of("species")));
		image.put("descriptor_layer", Map.of("policy_id", descriptor));
		image.put("tone_profile", Map.of("policy_id", tone));
		image.put("species_registry", Map.of("policy_id", speciesRegistry));
		image.put("clothing_registry", Map.of("policy_id", clothingRegistry));
		Map<String, Object> content = manifestContent(Map.of("id", bundle), image);
		@SuppressWarnings("unchecked")
		Map<String, Object> withSchema = new LinkedHashMap<>((Map<String, Object>) content.get("manifest"));
		withSchema.put("policy_schema", "image_policy.v1");
		upsert(manifest, "v1", Map.of("manifest", withSchema));
		activate("", manifest, "v1");
		axisBundle("v1", "calm");
		activate("", axis, "v1");
		activate("", descriptor, "v1");
		activate("mobile", tone, "v1");

		EffectiveImagePolicyBundle web = resolution.effectiveImagePolicyBundle(world, "web");
		EffectiveImagePolicyBundle mobile = resolution.effectiveImagePolicyBundle(world, "mobile");

		assertThat(web.worldId()).isEqualTo(world);
		assertThat(web.clientProfile()).isEqualTo("web");
		assertThat(web.policySchema()).isEqualTo("image_policy.v1");
		assertThat(web.bundleId()).isEqualTo(bundle);
		assertThat(web.bundleVersion()).isEqualTo(1);
		assertThat(web.policyHash()).isEqualTo(resolution.effectiveAxisBundle(world, "web").policyHash());
		assertThat(web.compositionOrder()).containsExactly("descriptor_layer", "tone_profile", "species_registry");
		assertThat(web.requiredRuntimeInputs()).containsExactly("species");
		assertThat(web.descriptorLayerPolicyId()).isEqualTo(descriptor);
		assertThat(web.toneProfilePolicyId()).isEqualTo(tone);
		assertThat(web.speciesRegistryPolicyId()).isEqualTo(speciesRegistry);
		assertThat(web.clothingRegistryPolicyId()).isEqualTo(clothingRegistry);
		assertThat(web.missingComponents()).containsExactly("tone_profile", "species_registry", "clothing_registry");
		assertThat(mobile.missingComponents()).containsExactly("species_registry", "clothing_registry");
	}

	@Test
	void describesAManifestThatNamesNoImageComponents() {
		upsert(manifest, "v1", manifestContent(Map.of("id", bundle), null));
		activate("", manifest, "v1");
		axisBundle("v1", "calm");
		activate("", axis, "v1");

		EffectiveImagePolicyBundle bundleView = resolution.effectiveImagePolicyBundle(world, "");

		assertThat(bundleView.policySchema()).isNull();
		assertThat(bundleView.compositionOrder()).isEmpty();
		assertThat(bundleView.descriptorLayerPolicyId()).isNull();
		assertThat(bundleView.toneProfilePolicyId()).isNull();
		assertThat(bundleView.speciesRegistryPolicyId()).isNull();
		assertThat(bundleView.clothingRegistryPolicyId()).isNull();
		assertThat(bundleView.missingComponents()).isEmpty();
	}

	@Test
	void refusesAnImageManifestNamingAComponentOfTheWrongTypeOrShape() {
		axisBundle("v1", "calm");
		activate("", axis, "v1");
		List<Map<String, Object>> images = List.of(
				Map.of("tone_profile", Map.of("policy_id", "registry:" + namespace + ":noir")),
				Map.of("species_registry", Map.of("policy_id", "registry")),
				Map.of("clothing_registry", "registry:" + namespace + ":clothing"),
				Map.of("composition", Map.of("order", "descriptor_layer")));

		for (int i = 0; i < images.size(); i++) {
			upsert(manifest, "v" + (i + 1), manifestContent(Map.of("id", bundle), images.get(i)));
			activate("", manifest, "v" + (i + 1));

			assertThat(resolution.effectiveAxisBundle(world, "").bundleId()).isEqualTo(bundle);
			assertRefused(() -> resolution.effectiveImagePolicyBundle(world, ""),
					PolicyErrorCode.POLICY_EFFECTIVE_MANIFEST_INVALID);
		}
	}

	private String prompt(String key, String variant, String text) {
		return upsert("prompt:" + namespace + ":" + key, variant, Map.of("text", text));
	}

	private void axisBundle(String variant, String mood) {
		upsert(axis, variant, Map.of("axes", Map.of("mood", Map.of("values", List.of(mood))), "thresholds",
				Map.of("mood", 0.5), "resolution", Map.of("order", List.of("mood"))));
	}

	private static Map<String, Object> manifestContent(Map<String, Object> activeBundle,
			Map<String, Object> image) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("axis", Map.of("active_bundle", activeBundle));
		if (image != null) {
			body.put("image", image);
		}
		return Map.of("manifest", body);
	}

	private String upsert(String policyId, String variant, Map<String, Object> content) {
		PolicyVariantView stored = policies.upsert(new UpsertPolicyVariant(policyId, variant, "1.0",
				Integer.parseInt(variant.substring(1)), PolicyStatus.DRAFT, content, null, "alice"));
		return stored.policyId();
	}

	private void activate(String clientProfile, String policyId, String variant) {
		activations.activate(new ActivatePolicy(world, clientProfile, policyId, variant, "op"));
	}

	private void setContent(String policyId, String variant, String json) {
		jdbc.sql("UPDATE policy.policy_variant SET content = ?::jsonb WHERE policy_id = ? AND variant = ?")
			.params(json, policyId, variant)
			.update();
	}

	// The foreign key keeps a pointer's variant in place; lifted inside a transaction the test rolls back.
	private void deleteVariant(String policyId, String variant) {
		jdbc.sql("ALTER TABLE policy.activation DROP CONSTRAINT activation_policy_id_variant_fkey").update();
		jdbc.sql("DELETE FROM policy.policy_variant WHERE policy_id = ? AND variant = ?")
			.params(policyId, variant)
			.update();
	}

	private void inRolledBackTransaction(Runnable body) {
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			body.run();
			status.setRollbackOnly();
		});
	}

	private static void assertRefused(ThrowingCallable call, PolicyErrorCode code) {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(call)
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(code));
	}
}
