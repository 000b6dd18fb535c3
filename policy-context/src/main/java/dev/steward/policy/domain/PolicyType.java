package dev.steward.policy.domain;

import dev.steward.policy.PolicyLayer;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import java.util.List;
import java.util.regex.Pattern;
import org.jmolecules.ddd.types.ValueObject;

/**
 * A kind of policy, named by the first part of a policy id, with its layer; either one of the ten built in here or
 * one registered at runtime (see {@link RegisteredPolicyType}).
 * <p>
 * A name is a lower-case letter followed by up to 63 lower-case letters, digits or underscores.
 */
public record PolicyType(String name, PolicyLayer layer, boolean builtIn) implements ValueObject {

	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

	public static final PolicyType IMAGE_BLOCK = builtIn("image_block", PolicyLayer.CONTENT);
	public static final PolicyType SPECIES_BLOCK = builtIn("species_block", PolicyLayer.CONTENT);
	public static final PolicyType CLOTHING_BLOCK = builtIn("clothing_block", PolicyLayer.CONTENT);
	public static final PolicyType LOCATION = builtIn("location", PolicyLayer.CONTENT);
	public static final PolicyType PROMPT = builtIn("prompt", PolicyLayer.CONTENT);
	public static final PolicyType TONE_PROFILE = builtIn("tone_profile", PolicyLayer.CONTENT);
	public static final PolicyType DESCRIPTOR_LAYER = builtIn("descriptor_layer", PolicyLayer.COMPOSITE);
	public static final PolicyType REGISTRY = builtIn("registry", PolicyLayer.COMPOSITE);
	public static final PolicyType AXIS_BUNDLE = builtIn("axis_bundle", PolicyLayer.RUNTIME_BUNDLE);
	public static final PolicyType MANIFEST_BUNDLE = builtIn("manifest_bundle", PolicyLayer.RUNTIME_BUNDLE);

	/** The ten built-in types: layer 1, then layer 2, then the runtime bundles. */
	public static final List<PolicyType> BUILT_INS = List.of(IMAGE_BLOCK, SPECIES_BLOCK, CLOTHING_BLOCK, LOCATION,
			PROMPT, TONE_PROFILE, DESCRIPTOR_LAYER, REGISTRY, AXIS_BUNDLE, MANIFEST_BUNDLE);

	/**
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_TYPE_INVALID} when the name does not match
	 * {@code [a-z][a-z0-9_]{0,63}}
	 */
	public PolicyType {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new PolicyException(PolicyErrorCode.POLICY_TYPE_INVALID,
					"A policy type name is a lower-case letter followed by up to 63 lower-case letters, digits"
							+ " or underscores, not '" + name + "'");
		}
		if (layer == null) {
			throw new PolicyException(PolicyErrorCode.POLICY_TYPE_INVALID, "Policy type " + name + " needs a layer");
		}
	}

	/** A type registered at runtime. */
	public static PolicyType registered(String name, PolicyLayer layer) {
		return new PolicyType(name, layer, false);
	}

	/** Whether composites may refer to variants of this type: only layer-1 content can be referred to. */
	public boolean isReferenceable() {
		return layer == PolicyLayer.CONTENT;
	}

	@Override
	public String toString() {
		return name;
	}

	private static PolicyType builtIn(String name, PolicyLayer layer) {
		return new PolicyType(name, layer, true);
	}
}
