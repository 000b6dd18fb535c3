package dev.steward.policy.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class NetworkntJsonSchemaCheckTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, Object> MOOD_SCHEMA = json("""
			{
			  "type": "object",
			  "required": ["text", "tone"],
			  "properties": {
			    "text": {"type": "string", "minLength": 1},
			    "tone": {"enum": ["calm", "loud"]},
			    "lines": {
			      "type": "array",
			      "items": {
			        "type": "object",
			        "properties": {"weight": {"type": "integer", "minimum": 1}},
			        "additionalProperties": false
			      }
			    },
			    "display name": {"type": "string"}
			  }
			}
			""");

	private final NetworkntJsonSchemaCheck check = new NetworkntJsonSchemaCheck(JSON);

	@Test
	void passesContentThatSatisfiesTheSchema() {
		Map<String, Object> content = json("""
				{"text": "Rain on the roof", "tone": "calm", "lines": [{"weight": 2}]}
				""");

		List<String> errors = check.check(MOOD_SCHEMA, content);

		assertThat(errors).isEmpty();
	}

	@Test
	void namesAMissingRequiredPropertyByItsPath() {
		Map<String, Object> content = json("""
				{"tone": "calm"}
				""");

		List<String> errors = check.check(MOOD_SCHEMA, content);

		assertThat(errors).containsExactly("content.text: is required");
	}

	@Test
	void namesAPropertyOfTheWrongType() {
		Map<String, Object> content = json("""
				{"text": 42, "tone": "calm"}
				""");

		List<String> errors = check.check(MOOD_SCHEMA, content);

		assertThat(errors).containsExactly("content.text: integer found, string expected");
	}

	@Test
	void namesAValueThatIsNotInTheEnum() {
		Map<String, Object> content = json("""
				{"text": "Rain", "tone": "sulky"}
				""");

		List<String> errors = check.check(MOOD_SCHEMA, content);

		assertThat(errors).containsExactly("content.tone: does not have a value in the enumeration [\"calm\", \"loud\"]");
	}

	@Test
	void reportsEveryErrorWithPathsIntoListsAndOddNames() {
		Map<String, Object> content = json("""
				{"tone": "calm", "lines": [{"weight": 1}, {"weight": 0, "colour": "red"}], "display name": 7}
				""");

		List<String> errors = check.check(MOOD_SCHEMA, content);

		assertThat(errors).containsExactlyInAnyOrder("content.text: is required",
				"content.lines[1].weight: must have a minimum value of 1",
				"content.lines[1]: property 'colour' is not defined in the schema and the schema does not allow"
						+ " additional properties",
				"content['display name']: integer found, string expected");
	}

	@Test
	void namesTheContentItselfWhenItIsOfTheWrongType() {
		List<String> errors = check.check(MOOD_SCHEMA, List.of("text"));

		assertThat(errors).containsExactly("content: array found, object expected");
	}

	@Test
	void readsADraft07SchemaAsDraft07() {
		Map<String, Object> schema = json("""
				{
				  "$schema": "http://json-schema.org/draft-07/schema#",
				  "type": "object",
				  "properties": {
				    "pair": {"type": "array", "items": [{"type": "string"}, {"$ref": "#/definitions/count"}]}
				  },
				  "definitions": {"count": {"type": "integer", "exclusiveMinimum": 0}}
				}
				""");

		List<String> schemaErrors = check.checkSchema(schema);
		List<String> errors = check.check(schema, json("""
				{"pair": ["apples", 0]}
				"""));

		assertThat(schemaErrors).isEmpty();
		assertThat(errors).containsExactly("content.pair[1]: must have an exclusive minimum value of 0");
	}

	@Test
	void readsASchemaWithoutDraftAs2020_12() {
		Map<String, Object> tupleItems = json("""
				{"type": "array", "items": [{"type": "string"}]}
				""");

		List<String> errors = check.checkSchema(tupleItems);

		assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error).startsWith("schema.items: "));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://json-schema.org/draft/2020-12/schema",
			"https://json-schema.org/draft/2019-09/schema", "http://json-schema.org/draft-07/schema#",
			"http://json-schema.org/draft-07/schema" })
	void acceptsAValidSchemaOfEverySupportedDraft(String draft) {
		Map<String, Object> schema = Map.of("$schema", draft, "type", "object", "required", List.of("text"));

		List<String> errors = check.checkSchema(schema);

		assertThat(errors).isEmpty();
	}

	@Test
	void refusesASchemaThatBreaksItsMetaSchemaWithTheReason() {
		Map<String, Object> schema = json("""
				{"type": "object", "properties": {"text": {"type": "strin", "minLength": -1}}}
				""");

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> check.requireValidSchema(schema))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_INVALID))
			.withMessageStartingWith("The policy type's schema is not a valid JSON Schema: ")
			.withMessageContaining("schema.properties.text.type: ")
			.withMessageContaining("schema.properties.text.minLength: must have a minimum value of 0");
	}

	@Test
	void acceptsAValidSchemaAtRegistration() {
		List<String> errors = check.checkSchema(MOOD_SCHEMA);

		assertThat(errors).isEmpty();
		assertThatNoException().isThrownBy(() -> check.requireValidSchema(MOOD_SCHEMA));
	}

	@Test
	void refusesADraftItDoesNotSupport() {
		Map<String, Object> schema = Map.of("$schema", "http://json-schema.org/draft-04/schema#");

		List<String> errors = check.checkSchema(schema);

		assertThat(errors).singleElement()
			.asString()
			.startsWith("schema.$schema: must name one of the supported drafts [https://json-schema.org/draft/2020-12/schema");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://example.com/other.json", "classpath:application.properties",
			"file:///etc/hostname" })
	void neverLoadsADocumentThatASchemaRefersTo(String elsewhere) {
		Map<String, Object> schema = Map.of("properties", Map.of("text", Map.of("$ref", elsewhere)));

		List<String> errors = check.checkSchema(schema);

		assertThat(errors).containsExactly("schema: Schema from '" + elsewhere + "' is not allowed to be loaded.");
	}

	@Test
	void refusesAReferenceThatLeadsNowhere() {
		Map<String, Object> schema = Map.of("$ref", "#/$defs/missing");

		List<String> errors = check.checkSchema(schema);

		assertThat(errors).containsExactly("schema: Reference /$defs/missing cannot be resolved");
	}

	@Test
	void refusesAPatternThatIsNotARegularExpression() {
		Map<String, Object> schema = Map.of("properties", Map.of("code", Map.of("pattern", "([a-z")));

		List<String> errors = check.checkSchema(schema);

		assertThat(errors).singleElement()
			.asString()
			.startsWith("schema: '([a-z' is not a valid regular expression: Unclosed character class");
	}

	@Test
	void resolvesReferencesWithinTheSchema() {
		Map<String, Object> schema = json("""
				{"$defs": {"name": {"type": "string"}}, "properties": {"text": {"$ref": "#/$defs/name"}}}
				""");

		List<String> schemaErrors = check.checkSchema(schema);
		List<String> errors = check.check(schema, Map.of("text", 1));

		assertThat(schemaErrors).isEmpty();
		assertThat(errors).containsExactly("content.text: integer found, string expected");
	}

	@Test
	void refusesToCheckContentAgainstAnUnusableSchema() {
		Map<String, Object> schema = Map.of("$ref", "https://example.com/other.json");

		assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> check.check(schema, Map.of()))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_INVALID))
			.withMessageContaining("https://example.com/other.json");
	}

	private static Map<String, Object> json(String text) {
		return JSON.readValue(text, new TypeReference<Map<String, Object>>() {});
	}
}
