package dev.steward.policy.domain;

import java.util.List;

/** Policy types registered at runtime. */
public interface RegisteredTypes {

	List<RegisteredPolicyType> all();

	void add(RegisteredPolicyType type, String actor);
}
