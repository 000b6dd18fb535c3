package dev.steward.policy.infrastructure;

import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the policy context's persistence: jsonb columns are written and read with it. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {}
}
