package dev.steward.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

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
