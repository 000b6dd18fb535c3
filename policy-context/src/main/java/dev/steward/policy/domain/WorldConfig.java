package dev.steward.policy.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jmolecules.ddd.types.ValueObject;

/** A world's free-form configuration: a JSON object, held as its parsed values. */
public record WorldConfig(Map<String, Object> values) implements ValueObject {

	public WorldConfig {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	public static WorldConfig of(Map<String, Object> values) {
		return new WorldConfig(values);
	}

	public static WorldConfig empty() {
		return new WorldConfig(Map.of());
	}
}
