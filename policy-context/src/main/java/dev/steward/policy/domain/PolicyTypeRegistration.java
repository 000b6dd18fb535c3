package dev.steward.policy.domain;

import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A policy type registered at runtime, and who registered it. Registration checks the name against the catalog
 * it joins (a built-in or registered name is {@code POLICY_TYPE_EXISTS}; between two concurrent registrations the
 * database's unique name decides) and records {@link PolicyTypeRegistered}.
 */
public final class PolicyTypeRegistration extends AbstractAggregateRoot<PolicyTypeRegistration>
		implements AggregateRoot<PolicyTypeRegistration, PolicyTypeRegistration.Name> {

	private final RegisteredPolicyType type;

	private final String actor;

	private PolicyTypeRegistration(RegisteredPolicyType type, String actor) {
		this.type = type;
		this.actor = actor;
	}

	/** Registers {@code type} into {@code catalog}. */
	public static PolicyTypeRegistration register(RegisteredPolicyType type, PolicyTypes catalog, String actor) {
		catalog.register(type);
		PolicyTypeRegistration registration = new PolicyTypeRegistration(type, actor);
		registration.registerEvent(new PolicyTypeRegistered(type, actor));
		return registration;
	}

	@Override
	public Name getId() {
		return new Name(type.name());
	}

	public RegisteredPolicyType type() {
		return type;
	}

	public String actor() {
		return actor;
	}

	/** A policy type's name. */
	public record Name(String value) implements Identifier {
	}
}
