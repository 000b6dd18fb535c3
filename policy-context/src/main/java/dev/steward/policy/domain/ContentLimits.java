package dev.steward.policy.domain;

import dev.steward.kernel.CanonicalCbor;
import dev.steward.kernel.CodedException;
import dev.steward.kernel.KernelErrorCode;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import java.util.Collection;
import java.util.Map;
import org.jmolecules.ddd.types.ValueObject;

/**
 * How much content a variant may hold: a JSON object nested at most {@code maxDepth} levels (the object itself is
 * level 1) and at most {@code maxBytes} long as canonical CBOR, the form it is hashed and logged in.
 */
public record ContentLimits(int maxBytes, int maxDepth) implements ValueObject {

	public static final int DEFAULT_MAX_BYTES = 1 << 20;

	public static final int DEFAULT_MAX_DEPTH = 32;

	public ContentLimits {
		if (maxBytes < 1 || maxDepth < 1 || maxDepth > CanonicalCbor.MAX_DEPTH) {
			throw new IllegalArgumentException("Content limits need maxBytes >= 1 and maxDepth in 1.."
					+ CanonicalCbor.MAX_DEPTH + ", not " + maxBytes + " and " + maxDepth);
		}
	}

	public static ContentLimits defaults() {
		return new ContentLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
	}

	/**
	 * The content as the kernel's canonical values, if it keeps the limits.
	 * @throws CodedException {@code INVALID_ARGUMENT} when it is not a JSON object, is nested too deep, or holds a
	 * value outside the canonical model; {@code VARIANT_TOO_LARGE} when it is too long
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> check(Object content, String field) {
		if (!(content instanceof Map<?, ?>)) {
			throw new CodedException(KernelErrorCode.INVALID_ARGUMENT, field + " must be a JSON object");
		}
		if (deeperThan(content, maxDepth)) {
			throw new CodedException(KernelErrorCode.INVALID_ARGUMENT,
					field + " is nested deeper than " + maxDepth + " levels");
		}
		Map<String, Object> canonical = (Map<String, Object>) CanonicalCbor.normalize(content, field);
		int size = CanonicalCbor.encode(canonical).length;
		if (size > maxBytes) {
			throw new PolicyException(PolicyErrorCode.VARIANT_TOO_LARGE,
					field + " is " + size + " bytes as canonical CBOR; at most " + maxBytes + " are allowed");
		}
		return canonical;
	}

	private static boolean deeperThan(Object value, int levels) {
		if (levels < 0) {
			return true;
		}
		if (value instanceof Map<?, ?> map) {
			if (levels == 0) {
				return true;
			}
			for (Object member : map.values()) {
				if (deeperThan(member, levels - 1)) {
					return true;
				}
			}
		}
		else if (value instanceof Collection<?> list) {
			if (levels == 0) {
				return true;
			}
			for (Object item : list) {
				if (deeperThan(item, levels - 1)) {
					return true;
				}
			}
		}
		return false;
	}
}
