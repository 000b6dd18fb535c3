package dev.steward.app.graphql.policy;

import dev.steward.app.security.RequiresRole;
import dev.steward.app.security.Role;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyFacade.PolicyVariantView;
import dev.steward.policy.PolicyFacade.VariantKey;
import dev.steward.policy.WorldFacade.WorldView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * A world's activations and each activation's variant as nested fields. Both are loaded in batches: however many
 * worlds and activations a response holds, the activations take one query and their variants another.
 */
@Controller
@RequiresRole(Role.VIEWER)
class WorldActivationsGraphQlController {

	private final ActivationFacade activations;

	private final PolicyFacade policies;

	WorldActivationsGraphQlController(ActivationFacade activations, PolicyFacade policies) {
		this.activations = activations;
		this.policies = policies;
	}

	@BatchMapping(typeName = "World", field = "activations")
	Map<WorldView, List<ActivationView>> activations(List<WorldView> worlds) {
		Set<String> ids = new LinkedHashSet<>();
		worlds.forEach(world -> ids.add(world.id()));
		Map<String, List<ActivationView>> byWorld = new HashMap<>();
		for (ActivationView activation : activations.worldActivations(ids)) {
			byWorld.computeIfAbsent(activation.worldId(), id -> new ArrayList<>()).add(activation);
		}
		Map<WorldView, List<ActivationView>> result = new LinkedHashMap<>();
		worlds.forEach(world -> result.put(world, byWorld.getOrDefault(world.id(), List.of())));
		return result;
	}

	@BatchMapping(typeName = "Activation", field = "policyVariant")
	Map<ActivationView, PolicyVariantView> policyVariant(List<ActivationView> pointers) {
		Set<VariantKey> keys = new LinkedHashSet<>();
		pointers.forEach(pointer -> keys.add(new VariantKey(pointer.policyId(), pointer.variant())));
		Map<VariantKey, PolicyVariantView> byKey = new HashMap<>();
		for (PolicyVariantView variant : policies.findAll(keys)) {
			byKey.put(new VariantKey(variant.policyId(), variant.variant()), variant);
		}
		Map<ActivationView, PolicyVariantView> result = new LinkedHashMap<>();
		for (ActivationView pointer : pointers) {
			PolicyVariantView variant = byKey.get(new VariantKey(pointer.policyId(), pointer.variant()));
			if (variant != null) {
				result.put(pointer, variant);
			}
		}
		return result;
	}
}
