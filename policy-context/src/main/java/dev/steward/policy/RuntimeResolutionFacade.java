package dev.steward.policy;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a runtime reads from a scope: its prompt template, its axis bundle and the image policy around it, each
 * resolved over the scope's effective activations (a client profile's pointers over its world's, per policy).
 * Nothing is written.
 */
public interface RuntimeResolutionFacade {

	/**
	 * The one effective {@code prompt} policy of the scope, or the one {@code preferredPolicyId} names.
	 * @param preferredPolicyId a {@code prompt:namespace:key} id, or null (or blank) for the scope's only prompt
	 * @throws PolicyException {@code POLICY_SCOPE_INVALID}, {@code POLICY_WORLD_NOT_FOUND},
	 * {@code POLICY_PROMPT_SELECTOR_INVALID} (the selector is not a prompt id),
	 * {@code POLICY_EFFECTIVE_PROMPT_NOT_FOUND} (no prompt, or none matching the selector),
	 * {@code POLICY_EFFECTIVE_PROMPT_AMBIGUOUS} (several prompts and no selector),
	 * {@code POLICY_EFFECTIVE_REFERENCE_MISSING} (the activated variant does not exist),
	 * {@code POLICY_EFFECTIVE_PROMPT_INVALID} (its text is empty)
	 */
	EffectivePromptTemplate effectivePromptTemplate(String worldId, String clientProfile,
			@Nullable String preferredPolicyId);

	/**
	 * The axis bundle the world's manifest ({@code manifest_bundle:world.manifests:<world_id>}) names in
	 * {@code manifest.axis.active_bundle}, as the scope activates it.
	 * @throws PolicyException {@code POLICY_SCOPE_INVALID}, {@code POLICY_WORLD_NOT_FOUND},
	 * {@code POLICY_EFFECTIVE_MANIFEST_NOT_FOUND}, {@code POLICY_EFFECTIVE_MANIFEST_INVALID},
	 * {@code POLICY_EFFECTIVE_AXIS_BUNDLE_NOT_FOUND}, {@code POLICY_EFFECTIVE_AXIS_BUNDLE_VERSION_MISMATCH},
	 * {@code POLICY_EFFECTIVE_AXIS_BUNDLE_INVALID}, {@code POLICY_EFFECTIVE_REFERENCE_MISSING}
	 */
	EffectiveAxisBundle effectiveAxisBundle(String worldId, String clientProfile);

	/**
	 * A diagnostic view of the scope's image policy: the axis bundle's identity and hash, and the image
	 * components the manifest names, with those the scope does not activate.
	 * @throws PolicyException those of {@link #effectiveAxisBundle}
	 */
	EffectiveImagePolicyBundle effectiveImagePolicyBundle(String worldId, String clientProfile);

	/**
	 * The axis bundle a scope resolves to through its world's manifest. {@code policyHash} is the SHA-256 over the
	 * RFC 8785 canonical JSON of {@code {"manifest": manifest, "axis_bundle": {"axes", "thresholds", "resolution"}}}.
	 */
	public record EffectiveAxisBundle(String worldId, String clientProfile, String bundleId, int bundleVersion,
			Map<String, Object> axes, Map<String, Object> thresholds, Map<String, Object> resolution,
			List<String> requiredRuntimeInputs, String policyHash, String manifestPolicyId, String manifestVariant,
			String axisPolicyId, String axisVariant) {

		public EffectiveAxisBundle {
			requiredRuntimeInputs = List.copyOf(requiredRuntimeInputs);
		}
	}

	/**
	 * A diagnostic view of a scope's image policy: its axis bundle's identity and {@code policyHash} (as in
	 * {@link EffectiveAxisBundle}), the composition the world's manifest declares, and the policy ids of the image
	 * components it names, each null when the manifest names none. {@code missingComponents} lists, in component
	 * order, the named components the scope has no effective activation of.
	 */
	public record EffectiveImagePolicyBundle(String worldId, String clientProfile, @Nullable String policySchema,
			String bundleId, int bundleVersion, String policyHash, List<String> compositionOrder,
			List<String> requiredRuntimeInputs, @Nullable String descriptorLayerPolicyId,
			@Nullable String toneProfilePolicyId, @Nullable String speciesRegistryPolicyId,
			@Nullable String clothingRegistryPolicyId, List<String> missingComponents) {

		public EffectiveImagePolicyBundle {
			compositionOrder = List.copyOf(compositionOrder);
			requiredRuntimeInputs = List.copyOf(requiredRuntimeInputs);
			missingComponents = List.copyOf(missingComponents);
		}
	}

	/**
	 * The prompt template a scope resolves to. {@code activatedIn} is the client profile whose pointer it comes from,
	 * {@code ""} when the world's own pointer shows through.
	 */
	public record EffectivePromptTemplate(String worldId, String clientProfile, String policyId, String variant,
			String namespace, String policyKey, String text, String contentHash, String activatedIn) {
	}
}
