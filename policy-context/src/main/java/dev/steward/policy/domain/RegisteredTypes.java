package dev.steward.policy.domain;

import java.util.List;
import org.jmolecules.ddd.annotation.Repository;

/** The policy types registered at runtime, with their schemas; the built-in ones are not kept here. */
@Repository
public interface RegisteredTypes {

	/** Every registered type, in the order they were registered. */
	List<RegisteredPolicyType> all();

	/**
	 * Stores a new registration and appends its event, in the current transaction.
	 * @throws dev.steward.policy.PolicyException {@code POLICY_TYPE_EXISTS} when the name was taken meanwhile
	 */
	PolicyTypeRegistration save(PolicyTypeRegistration registration);
}
