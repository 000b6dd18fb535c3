package dev.steward.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeManifestTests {

	@Test
	void namesTheManifestOfAWorldAndTheAxisBundleOfAnId() {
		assertThat(RuntimeManifest.policyIdOf("pipeworks_web").value())
			.isEqualTo("manifest_bundle:world.manifests:pipeworks_web");
		assertThat(RuntimeManifest.axisPolicyIdOf("default").value()).isEqualTo("axis_bundle:axis.bundles:default");
	}

	@Test
	void readsTheActiveBundleAndTheRequiredInputs() {
		Map<String, Object> manifest = Map.of("axis", Map.of("active_bundle", Map.of("id", " default ", "version", 3L)),
				"image", Map.of("composition", Map.of("required_runtime_inputs", List.of("species"))));

		RuntimeManifest read = RuntimeManifest.read(variant(manifest));

		assertThat(read.bundleId()).isEqualTo("default");
		assertThat(read.bundleVersion()).isEqualTo(3);
		assertThat(read.axisVariant()).isEqualTo("v3");
		assertThat(read.axisPolicyId()).isEqualTo(PolicyId.parse("axis_bundle:axis.bundles:default"));
		assertThat(read.requiredRuntimeInputs()).containsExactly("species");
		assertThat(read.manifest()).isSameAs(manifest);
	}

	@Test
	void refusesAVersionThatIsNotAPositiveInteger() {
		for (Object version : List.<Object>of(0, -1, 1.0, "1", true, 4_000_000_000L)) {
			Map<String, Object> manifest = Map.of("axis", Map.of("active_bundle", Map.of("id", "default", "version", version)));

			assertThatExceptionOfType(PolicyException.class)
				.isThrownBy(() -> RuntimeManifest.read(variant(manifest)))
				.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_EFFECTIVE_MANIFEST_INVALID))
				.withMessageContaining("version");
		}
	}

	@Test
	void readsImageComponentsOnlyWhenAskedFor() {
		Map<String, Object> manifest = Map.of("axis", Map.of("active_bundle", Map.of("id", "default")), "image",
				Map.of("species_registry", Map.of("policy_id", "registry:image.registries:species"),
						"tone_profile", Map.of("policy_id", "prompt:image.tones:noir")));

		RuntimeManifest read = RuntimeManifest.read(variant(manifest));

		assertThat(read.component("species_registry")).isEqualTo(PolicyId.parse("registry:image.registries:species"));
		assertThat(read.component("descriptor_layer")).isNull();
		assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> read.component("tone_profile"))
			.withMessageContaining("must name a tone_profile policy");
	}

	private static StoredVariant variant(Map<String, Object> manifest) {
		return new StoredVariant("manifest_bundle:world.manifests:w", "manifest_bundle", "world.manifests", "w",
				"v1", "1.0", 1, "draft", Map.of("manifest", manifest), "0".repeat(64), Instant.EPOCH, "alice", 1);
	}
}
