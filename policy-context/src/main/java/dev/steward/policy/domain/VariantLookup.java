package dev.steward.policy.domain;

import dev.steward.policy.PolicyId;

/** Tells whether a policy variant has been stored; {@link PolicyValidator} asks it about composites' references. */
public interface VariantLookup {

	/** Whether a variant with this exact name is stored for the policy, whatever its status. */
	boolean exists(PolicyId id, String variant);
}
