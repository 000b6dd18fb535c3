package dev.steward.policy;

import java.util.List;
import java.util.Map;

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
