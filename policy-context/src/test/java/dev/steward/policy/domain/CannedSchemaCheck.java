package dev.steward.policy.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link JsonSchemaCheck} that answers with the errors it was given and remembers what it was asked. */
class CannedSchemaCheck implements JsonSchemaCheck {

	record Call(Map<String, Object> schema, Object content) {
	}

	private final List<String> errors;

	private final List<Call> calls = new ArrayList<>();

	private CannedSchemaCheck(List<String> errors) {
		this.errors = List.copyOf(errors);
	}

	static CannedSchemaCheck passing() {
		return new CannedSchemaCheck(List.of());
	}

	static CannedSchemaCheck failingWith(String... errors) {
		return new CannedSchemaCheck(List.of(errors));
	}

	@Override
	public List<String> check(Map<String, Object> schema, Object content) {
		calls.add(new Call(schema, content));
		return errors;
	}

	@Override
	public List<String> checkSchema(Map<String, Object> schema) {
		return List.of();
	}

	List<Call> calls() {
		return calls;
	}
}
