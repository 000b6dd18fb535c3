package dev.steward.policy.domain;

import dev.steward.kernel.CodedException;
import dev.steward.kernel.KernelErrorCode;
import dev.steward.kernel.CanonicalCbor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jmolecules.ddd.types.ValueObject;

/**
 * A world's free-form configuration: a JSON object, held as its values in the canonical numeric model, so that
 * the view, the event and every route the config came by agree on each number.
 * @throws dev.steward.kernel.InvalidValueException for a value outside the model (a number a double cannot
 * hold, a lone surrogate, nesting deeper than the limit)
 */
public record WorldConfig(Map<String, Object> values) implements ValueObject {

	@SuppressWarnings("unchecked")
	public WorldConfig {
		values = Collections.unmodifiableMap(
				new LinkedHashMap<>((Map<String, Object>) java.util.Objects.requireNonNull(CanonicalCbor.normalize(values, "config"))));
	}

	public static WorldConfig of(Map<String, Object> values) {
		return new WorldConfig(values);
	}

	/**
	 * The configuration a client sent, which must be a JSON object.
	 * @throws CodedException {@code INVALID_ARGUMENT} for anything else
	 */
	@SuppressWarnings("unchecked")
	public static WorldConfig of(Object values) {
		if (values instanceof Map<?, ?> map) {
			return new WorldConfig((Map<String, Object>) map);
		}
		throw new CodedException(KernelErrorCode.INVALID_ARGUMENT, "config must be a JSON object");
	}

	public static WorldConfig empty() {
		return new WorldConfig(Map.of());
	}
}
