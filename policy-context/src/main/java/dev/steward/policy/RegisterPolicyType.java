package dev.steward.policy;

import dev.steward.kernel.IdempotencyKeys;
import org.jspecify.annotations.Nullable;
import java.util.Map;

/**
 * Register a policy type whose content is checked against a JSON Schema. {@code layer} is {@code content},
 * {@code composite} (its content holds references to layer-1 variants) or {@code runtime_bundle}. {@code actor}
 * is the authenticated principal.
 */
public record RegisterPolicyType(String name, String layer, Map<String, Object> jsonSchema, String actor,
		@Nullable String idempotencyKey) {

	public RegisterPolicyType {
		IdempotencyKeys.check(idempotencyKey);
	}

	public RegisterPolicyType(String name, String layer, Map<String, Object> jsonSchema, String actor) {
		this(name, layer, jsonSchema, actor, null);
	}
}
