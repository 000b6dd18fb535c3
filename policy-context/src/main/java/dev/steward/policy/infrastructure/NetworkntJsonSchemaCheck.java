package dev.steward.policy.infrastructure;

import dev.steward.kernel.JsonSchemas;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.domain.JsonSchemaCheck;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policy content checked against its type's JSON Schema with the kernel's {@link JsonSchemas}: errors start at
 * {@code content} ({@code content.items[2].name}, {@code content.text: is required}); a schema that cannot be used
 * is {@code POLICY_TYPE_INVALID}.
 */
final class NetworkntJsonSchemaCheck implements JsonSchemaCheck {

	private final JsonSchemas schemas;

	NetworkntJsonSchemaCheck(JsonMapper json) {
		this.schemas = new JsonSchemas(json);
	}

	@Override
	public List<String> check(Map<String, Object> schema, Object content) {
		try {
			return schemas.check(schema, content, "content");
		}
		catch (JsonSchemas.UnusableSchemaException ex) {
			throw new PolicyException(PolicyErrorCode.POLICY_TYPE_INVALID,
					"The policy type's schema cannot be used: " + ex.getMessage());
		}
	}

	@Override
	public List<String> checkSchema(Map<String, Object> schema) {
		return schemas.checkSchema(schema);
	}
}
