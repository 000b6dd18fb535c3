package dev.steward.policy.domain;

import dev.steward.policy.PolicyLayer;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jmolecules.ddd.types.ValueObject;

/**
 * A policy type added at runtime: its name and layer, and the JSON Schema that the content of its variants must
 * satisfy, held as the schema's parsed values. Whether the schema is itself a valid JSON Schema is checked where
 * schemas are understood, behind {@link JsonSchemaCheck}.
 */
public record RegisteredPolicyType(PolicyType type, Map<String, Object> schema) implements ValueObject {

	/**
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_TYPE_INVALID} when the type is a built-in one
	 */
	public RegisteredPolicyType {
		if (type.builtIn()) {
			throw new PolicyException(PolicyErrorCode.POLICY_TYPE_INVALID,
					"Policy type " + type.name() + " is built in and cannot be registered");
		}
		schema = Collections.unmodifiableMap(new LinkedHashMap<>(schema));
	}

	/**
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_TYPE_INVALID} when the name does not match
	 * {@code [a-z][a-z0-9_]{0,63}}
	 */
	public static RegisteredPolicyType of(String name, PolicyLayer layer, Map<String, Object> schema) {
		return new RegisteredPolicyType(PolicyType.registered(name, layer), schema);
	}

	public String name() {
		return type.name();
	}
}
