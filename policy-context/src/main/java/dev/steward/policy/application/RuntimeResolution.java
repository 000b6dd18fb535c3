package dev.steward.policy.application;

import dev.steward.policy.ActivationFacade;
import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.RuntimeResolutionFacade.EffectiveAxisBundle;
import dev.steward.policy.RuntimeResolutionFacade.EffectiveImagePolicyBundle;
import dev.steward.policy.RuntimeResolutionFacade.EffectivePromptTemplate;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import dev.steward.policy.domain.StoredVariant;
import dev.steward.policy.RuntimeResolutionFacade;
import dev.steward.policy.domain.ActivationScope;
import dev.steward.policy.domain.PolicyHashes;
import dev.steward.policy.domain.PolicyType;
import dev.steward.policy.domain.RuntimeManifest;
import dev.steward.policy.domain.Worlds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Resolves what a runtime reads from a scope, in one read-only transaction, over the scope's effective
 * activations as {@link ActivationFacade#activations(String, String, boolean)} overlays them.
 */
@Service
@Transactional(readOnly = true)
class RuntimeResolution implements RuntimeResolutionFacade {

	private final Worlds worlds;

	private final EffectiveVariants effectiveVariants;

	private final ActivationFacade activations;

	private final PolicyHashes hashes;

	RuntimeResolution(Worlds worlds, EffectiveVariants effectiveVariants, ActivationFacade activations, PolicyHashes hashes) {
		this.worlds = worlds;
		this.effectiveVariants = effectiveVariants;
		this.activations = activations;
		this.hashes = hashes;
	}

	@Override
	public EffectivePromptTemplate effectivePromptTemplate(String worldId, String clientProfile,
			@Nullable String preferredPolicyId) {
		Scope scope = scope(worldId, clientProfile);
		PolicyId selector = selector(preferredPolicyId);
		List<ActivationView> prompts = scope.effective()
			.values()
			.stream()
			.filter(activation -> PolicyId.parse(activation.policyId()).type().equals(PolicyType.PROMPT.name()))
			.filter(activation -> selector == null || activation.policyId().equals(selector.value()))
			.toList();
		if (prompts.isEmpty()) {
			throw new PolicyException(PolicyErrorCode.POLICY_EFFECTIVE_PROMPT_NOT_FOUND, selector == null
					? "Scope " + scope + " activates no prompt"
					: "Scope " + scope + " does not activate " + selector);
		}
		if (prompts.size() > 1) {
			throw new PolicyException(PolicyErrorCode.POLICY_EFFECTIVE_PROMPT_AMBIGUOUS, "Scope " + scope
					+ " activates " + prompts.size() + " prompts ("
					+ prompts.stream().map(ActivationView::policyId).collect(Collectors.joining(", "))
					+ "); name one");
		}
		ActivationView activation = prompts.getFirst();
		StoredVariant prompt = variant(scope, activation);
		if (!(prompt.content().get("text") instanceof String text) || text.isBlank()) {
			throw new PolicyException(PolicyErrorCode.POLICY_EFFECTIVE_PROMPT_INVALID, "The effective prompt "
					+ prompt.policyId() + "@" + prompt.variant() + " has no text");
		}
		return new EffectivePromptTemplate(scope.worldId(), scope.clientProfile(), prompt.policyId(),
				prompt.variant(), prompt.namespace(), prompt.policyKey(), text, prompt.contentHash(),
				activation.clientProfile());
	}

	@Override
	public EffectiveAxisBundle effectiveAxisBundle(String worldId, String clientProfile) {
		Scope scope = scope(worldId, clientProfile);
		return axisBundle(scope, manifest(scope));
	}

	@Override
	public EffectiveImagePolicyBundle effectiveImagePolicyBundle(String worldId, String clientProfile) {
		Scope scope = scope(worldId, clientProfile);
		RuntimeManifest manifest = manifest(scope);
		EffectiveAxisBundle bundle = axisBundle(scope, manifest);
		Map<String, @Nullable PolicyId> components = new LinkedHashMap<>();
		RuntimeManifest.COMPONENTS.keySet().forEach(component -> components.put(component, manifest.component(component)));
		List<String> missing = new ArrayList<>();
		components.forEach((component, policyId) -> {
			if (policyId != null && !scope.effective().containsKey(policyId.value())) {
				missing.add(component);
			}
		});
		return new EffectiveImagePolicyBundle(scope.worldId(), scope.clientProfile(), manifest.policySchema(),
				bundle.bundleId(), bundle.bundleVersion(), bundle.policyHash(), manifest.compositionOrder(),
				bundle.requiredRuntimeInputs(), value(components.get("descriptor_layer")),
				value(components.get("tone_profile")), value(components.get("species_registry")),
				value(components.get("clothing_registry")), missing);
	}

	private EffectiveAxisBundle axisBundle(Scope scope, RuntimeManifest manifest) {
		PolicyId axisPolicyId = manifest.axisPolicyId();
		ActivationView activation = Optional.ofNullable(scope.effective().get(axisPolicyId.value()))
			.orElseThrow(() -> new PolicyException(PolicyErrorCode.POLICY_EFFECTIVE_AXIS_BUNDLE_NOT_FOUND,
					"Scope " + scope + " does not activate " + axisPolicyId + ", which its manifest "
							+ manifest.policyId() + " names"));
		if (!activation.variant().equals(manifest.axisVariant())) {
			throw new PolicyException(PolicyErrorCode.POLICY_EFFECTIVE_AXIS_BUNDLE_VERSION_MISMATCH,
					"Scope " + scope + " activates " + axisPolicyId + "@" + activation.variant() + ", but its manifest "
							+ manifest.policyId() + " names version " + manifest.bundleVersion() + " ("
							+ manifest.axisVariant() + ")");
		}
		StoredVariant axis = variant(scope, activation);
		Map<String, Object> axes = axisPart(axis, "axes");
		Map<String, Object> thresholds = axisPart(axis, "thresholds");
		Map<String, Object> resolution = axisPart(axis, "resolution");
		Map<String, Object> axisBundle = new LinkedHashMap<>();
		axisBundle.put("axes", axes);
		axisBundle.put("thresholds", thresholds);
		axisBundle.put("resolution", resolution);
		Map<String, Object> hashInput = new LinkedHashMap<>();
		hashInput.put("manifest", manifest.manifest());
		hashInput.put("axis_bundle", axisBundle);
		return new EffectiveAxisBundle(scope.worldId(), scope.clientProfile(), manifest.bundleId(),
				manifest.bundleVersion(), axes, thresholds, resolution, manifest.requiredRuntimeInputs(),
				hashes.hash(hashInput), manifest.policyId(), manifest.variant(), axisPolicyId.value(),
				axis.variant());
	}

	private RuntimeManifest manifest(Scope scope) {
		PolicyId manifestPolicyId = RuntimeManifest.policyIdOf(scope.worldId());
		ActivationView activation = Optional.ofNullable(scope.effective().get(manifestPolicyId.value()))
			.orElseThrow(() -> new PolicyException(PolicyErrorCode.POLICY_EFFECTIVE_MANIFEST_NOT_FOUND,
					"Scope " + scope + " does not activate " + manifestPolicyId));
		return RuntimeManifest.read(variant(scope, activation));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> axisPart(StoredVariant axis, String part) {
		if (!(axis.content().get(part) instanceof Map<?, ?> value)) {
			throw new PolicyException(PolicyErrorCode.POLICY_EFFECTIVE_AXIS_BUNDLE_INVALID, "The effective axis bundle "
					+ axis.policyId() + "@" + axis.variant() + " has no " + part + " object");
		}
		return (Map<String, Object>) value;
	}

	private StoredVariant variant(Scope scope, ActivationView activation) {
		return effectiveVariants.of(scope.worldId(), activation, PolicyErrorCode.POLICY_EFFECTIVE_REFERENCE_MISSING);
	}

	private static @Nullable PolicyId selector(@Nullable String preferredPolicyId) {
		if (preferredPolicyId == null || preferredPolicyId.isBlank()) {
			return null;
		}
		PolicyId id;
		try {
			id = PolicyId.parse(preferredPolicyId);
		}
		catch (PolicyException ex) {
			throw new PolicyException(PolicyErrorCode.POLICY_PROMPT_SELECTOR_INVALID,
					"A prompt selector is a prompt:namespace:key id, not '" + preferredPolicyId + "'");
		}
		if (!id.type().equals(PolicyType.PROMPT.name())) {
			throw new PolicyException(PolicyErrorCode.POLICY_PROMPT_SELECTOR_INVALID,
					"A prompt selector names a prompt policy, not a " + id.type() + ": " + id);
		}
		return id;
	}

	private Scope scope(String worldIdInput, @Nullable String clientProfileInput) {
		ActivationScope scope = ActivationScope.of(worldIdInput, clientProfileInput);
		List<ActivationView> effective = activations.activations(scope.worldId(), scope.clientProfile(), true);
		worlds.requireExisting(scope.worldId());
		return new Scope(scope.worldId(), scope.clientProfile(), effective.stream()
			.collect(Collectors.toMap(ActivationView::policyId, Function.identity(), (a, b) -> b, LinkedHashMap::new)));
	}

	private static @Nullable String value(@Nullable PolicyId id) {
		return id == null ? null : id.value();
	}

	/** A scope and its effective activations by policy id. */
	private record Scope(String worldId, String clientProfile, Map<String, ActivationView> effective) {

		@Override
		public String toString() {
			return clientProfile.isEmpty() ? worldId : worldId + ":" + clientProfile;
		}
	}
}
