package dev.steward.policy.domain;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import java.util.List;
import java.util.Map;

/**
 * Checks a value against a JSON Schema, and a JSON Schema against its meta-schema; how schemas are understood is
 * the implementation's business. {@link PolicyValidator} uses it for the content of registered policy types, and
 * registering a type uses it to refuse a schema that is not a valid JSON Schema.
 */
public interface JsonSchemaCheck {

	/**
	 * Every way in which {@code content} breaks {@code schema}, each message naming the offending path under
	 * {@code content} (for example {@code content.size: integer found, string expected}); empty when the content
	 * satisfies the schema.
	 *
	 * @param schema a JSON Schema, held as its parsed values, that {@link #checkSchema} finds valid
	 * @param content the value to check, held as its parsed values (maps, lists, strings, numbers, booleans)
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_TYPE_INVALID} when the schema cannot be used
	 */
	List<String> check(Map<String, Object> schema, Object content);

	/**
	 * Every way in which {@code schema} is not a valid JSON Schema of the draft its {@code $schema} names, each
	 * message naming the offending path under {@code schema} (for example
	 * {@code schema.properties.size.minimum: string found, number expected}); empty when the schema is valid.
	 *
	 * @param schema a JSON Schema, held as its parsed values
	 */
	List<String> checkSchema(Map<String, Object> schema);

	/**
	 * Refuses a schema that {@link #checkSchema} finds invalid.
	 *
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_TYPE_INVALID} naming every reason when the schema
	 * is not a valid JSON Schema
	 */
	default void requireValidSchema(Map<String, Object> schema) {
		List<String> errors = checkSchema(schema);
		if (!errors.isEmpty()) {
			throw new PolicyException(PolicyErrorCode.POLICY_TYPE_INVALID,
					"The policy type's schema is not a valid JSON Schema: " + String.join("; ", errors));
		}
	}
}
