package dev.steward.policy.domain;

import dev.steward.policy.PolicyId;
import org.jmolecules.ddd.annotation.Repository;

/** Every policy, with its variants. */
@Repository
public interface Policies {

	/**
	 * The policy with this id, as stored or empty when it has no variant yet, locked against other changes until the
	 * transaction ends.
	 */
	Policy lockForChange(PolicyId id);

	/** Stores the variants the policy changed and appends the events it recorded, in the current transaction. */
	Policy save(Policy policy);
}
