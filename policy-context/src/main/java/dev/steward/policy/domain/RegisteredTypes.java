package dev.steward.policy.domain;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import java.util.List;

/** The policy types registered at runtime, with their schemas; the built-in ones are not kept here. */
public interface RegisteredTypes {

	/** Every registered type, in the order they were registered. */
	List<RegisteredPolicyType> all();

	/**
	 * Keeps a newly registered type.
	 *
	 * @param actor who registers it
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_TYPE_EXISTS} when a type with that name is
	 * registered already
	 */
	void add(RegisteredPolicyType type, String actor);
}
