package dev.steward.registry.infrastructure;

import dev.steward.kernel.CanonicalCbor;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the registry's persistence: jsonb columns are written and read with it. */
final class RegistryJson {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	private RegistryJson() {}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/** A JSON object read back into the canonical model (numbers as Long, BigInteger or Double). */
	@SuppressWarnings("unchecked")
	static Map<String, Object> readObject(String json) {
		return (Map<String, Object>) CanonicalCbor.normalize(MAPPER.readValue(json, Map.class));
	}
}
