package dev.steward.policy.domain;

import java.util.List;
import java.util.Map;

/**
 * Checks a value against a JSON Schema; how schemas are understood is the implementation's business.
 * {@link PolicyValidator} uses it for the content of registered policy types.
 */
public interface JsonSchemaCheck {

	/**
	 * Every way in which {@code content} breaks {@code schema}, each message naming the offending path under
	 * {@code content} (for example {@code content.size must be an integer}); empty when the content satisfies the
	 * schema.
	 *
	 * @param schema a JSON Schema, held as its parsed values
	 * @param content the value to check, held as its parsed values (maps, lists, strings, numbers, booleans)
	 */
	List<String> check(Map<String, Object> schema, Object content);
}
