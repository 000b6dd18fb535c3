package dev.steward.policy;

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
}
