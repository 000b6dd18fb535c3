package dev.steward.policy;

import org.jmolecules.ddd.types.Identifier;

/**
 * The id of a policy: its type, the namespace it lives in and its key, written {@code type:namespace:key}
 * (for example {@code species_block:image.blocks.species:goblin}).
 * <p>
 * Each part is stripped of surrounding whitespace and must not be empty; it holds no whitespace or control
 * characters, the type at most {@value #MAX_TYPE} characters, the namespace {@value #MAX_NAMESPACE} and the key
 * {@value #MAX_KEY}. The type and the namespace never contain {@code ':'}; the key may, so
 * {@code prompt:npc:greeting:formal} has the key {@code greeting:formal}.
 * Whether the type is one the context supports is not part of the id: that is checked against the catalog of
 * policy types, which fails with {@link PolicyErrorCode#POLICY_TYPE_UNSUPPORTED}.
 */
public record PolicyId(String type, String namespace, String key) implements Identifier {

	public static final int MAX_TYPE = 64;

	public static final int MAX_NAMESPACE = 200;

	public static final int MAX_KEY = 256;

	/** The longest canonical form: three parts at their longest and two separators. */
	public static final int MAX_LENGTH = MAX_TYPE + MAX_NAMESPACE + MAX_KEY + 2;

	private static final String SEPARATOR = ":";

	private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile("[^\\p{Cntrl}\\s]+");

	/**
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_ID_INVALID} when a part is empty after stripping,
	 * or the type or namespace contains {@code ':'}
	 */
	public PolicyId {
		type = requirePart("type", type, false, MAX_TYPE);
		namespace = requirePart("namespace", namespace, false, MAX_NAMESPACE);
		key = requirePart("key", key, true, MAX_KEY);
	}

	public static PolicyId of(String type, String namespace, String key) {
		return new PolicyId(type, namespace, key);
	}

	/**
	 * Reads a policy id from its canonical form {@code type:namespace:key}. The text is split on {@code ':'} into
	 * at most three parts, so everything after the second colon is the key.
	 *
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_ID_INVALID} when there are fewer than three parts
	 * or a part is empty after stripping
	 */
	public static PolicyId parse(String value) {
		if (value != null && value.length() > MAX_LENGTH) {
			throw new PolicyException(PolicyErrorCode.POLICY_ID_INVALID,
					"A policy id is at most " + MAX_LENGTH + " characters, not " + value.length());
		}
		String[] parts = value == null ? new String[0] : value.split(SEPARATOR, 3);
		if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
			throw new PolicyException(PolicyErrorCode.POLICY_ID_INVALID,
					"A policy id has the form type:namespace:key with three non-empty parts, not '" + value + "'");
		}
		return new PolicyId(parts[0], parts[1], parts[2]);
	}

	/** The canonical form, {@code type:namespace:key}, which {@link #parse(String)} reads back. */
	public String value() {
		return type + SEPARATOR + namespace + SEPARATOR + key;
	}

	@Override
	public String toString() {
		return value();
	}

	private static String requirePart(String name, String part, boolean mayContainSeparator, int maxLength) {
		String stripped = part == null ? "" : part.strip();
		if (stripped.isEmpty()) {
			throw new PolicyException(PolicyErrorCode.POLICY_ID_INVALID,
					"The " + name + " of a policy id must not be empty");
		}
		if (stripped.length() > maxLength) {
			throw new PolicyException(PolicyErrorCode.POLICY_ID_INVALID,
					"The " + name + " of a policy id is at most " + maxLength + " characters, not " + stripped.length());
		}
		if (!PART.matcher(stripped).matches()) {
			throw new PolicyException(PolicyErrorCode.POLICY_ID_INVALID,
					"The " + name + " of a policy id holds no whitespace or control characters");
		}
		if (!mayContainSeparator && stripped.contains(SEPARATOR)) {
			throw new PolicyException(PolicyErrorCode.POLICY_ID_INVALID,
					"The " + name + " of a policy id must not contain ':', but is '" + stripped + "'");
		}
		return stripped;
	}
}
