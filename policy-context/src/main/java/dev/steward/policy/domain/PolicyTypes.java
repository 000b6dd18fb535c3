package dev.steward.policy.domain;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy types the context supports: the ten built-in ones, plus those registered at runtime. A catalog
 * never changes; {@link #register(RegisteredPolicyType)} returns a new one.
 * <p>
 * Names are unique across the catalog: a registered type never shadows a built-in one or another registered one.
 */
public final class PolicyTypes {

	private static final PolicyTypes BUILT_INS = new PolicyTypes(Map.of());

	private final Map<String, PolicyType> types;

	private final Map<String, RegisteredPolicyType> registered;

	private PolicyTypes(Map<String, RegisteredPolicyType> registered) {
		Map<String, PolicyType> types = new LinkedHashMap<>();
		PolicyType.BUILT_INS.forEach(type -> types.put(type.name(), type));
		registered.values().forEach(type -> types.put(type.name(), type.type()));
		this.types = Collections.unmodifiableMap(types);
		this.registered = Collections.unmodifiableMap(new LinkedHashMap<>(registered));
	}

	/** The catalog of the ten built-in types only. */
	public static PolicyTypes builtIns() {
		return BUILT_INS;
	}

	/**
	 * The built-in types plus the given registered ones.
	 *
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_TYPE_EXISTS} when two types share a name
	 */
	public static PolicyTypes of(Collection<RegisteredPolicyType> registered) {
		PolicyTypes catalog = BUILT_INS;
		for (RegisteredPolicyType type : registered) {
			catalog = catalog.register(type);
		}
		return catalog;
	}

	/**
	 * A catalog that also knows the given type; this one stays as it is.
	 *
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_TYPE_EXISTS} when a built-in or registered type
	 * has that name already
	 */
	public PolicyTypes register(RegisteredPolicyType type) {
		PolicyType existing = types.get(type.name());
		if (existing != null) {
			throw new PolicyException(PolicyErrorCode.POLICY_TYPE_EXISTS, "Policy type " + type.name()
					+ " exists already" + (existing.builtIn() ? " as a built-in type" : ""));
		}
		Map<String, RegisteredPolicyType> more = new LinkedHashMap<>(registered);
		more.put(type.name(), type);
		return new PolicyTypes(more);
	}

	/** The type with this name, built in or registered. */
	public Optional<PolicyType> find(String name) {
		return Optional.ofNullable(types.get(name));
	}

	/**
	 * The type with this name, built in or registered.
	 *
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_TYPE_UNSUPPORTED} when there is none
	 */
	public PolicyType require(String name) {
		return find(name).orElseThrow(() -> new PolicyException(PolicyErrorCode.POLICY_TYPE_UNSUPPORTED,
				"Policy type " + name + " is not supported; known types are " + String.join(", ", types.keySet())));
	}

	/** The registered type with this name, with its schema; empty for built-in and unknown names. */
	public Optional<RegisteredPolicyType> registered(String name) {
		return Optional.ofNullable(registered.get(name));
	}

	/** Every type: the built-in ones first, then the registered ones in the order they were registered. */
	public List<PolicyType> all() {
		return List.copyOf(types.values());
	}
}
