package dev.steward.policy;

import org.jmolecules.ddd.types.Identifier;

/**
 * The id of a policy: its type, the namespace it lives in and its key, written {@code type:namespace:key}
 * (for example {@code species_block:image.blocks.species:goblin}).
 * <p>
 * Each part is stripped of surrounding whitespace and must not be empty. The type and the namespace never
 * contain {@code ':'}; the key may, so {@code prompt:npc:greeting:formal} has the key {@code greeting:formal}.
 * Whether the type is one the context supports is not part of the id: that is checked against the catalog of
 * policy types, which fails with {@link PolicyErrorCode#POLICY_TYPE_UNSUPPORTED}.
 */
public record PolicyId(String type, String namespace, String key) implements Identifier {

	private static final String SEPARATOR = ":";

	/**
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_ID_INVALID} when a part is empty after stripping,
	 * or the type or namespace contains {@code ':'}
	 */
	public PolicyId {
		type = requirePart("type", type, false);
		namespace = requirePart("namespace", namespace, false);
		key = requirePart("key", key, true);
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

	private static String requirePart(String name, String part, boolean mayContainSeparator) {
		String stripped = part == null ? "" : part.strip();
		if (stripped.isEmpty()) {
			throw new PolicyException(PolicyErrorCode.POLICY_ID_INVALID,
					"The " + name + " of a policy id must not be empty");
		}
		if (!mayContainSeparator && stripped.contains(SEPARATOR)) {
			throw new PolicyException(PolicyErrorCode.POLICY_ID_INVALID,
					"The " + name + " of a policy id must not contain ':', but is '" + stripped + "'");
		}
		return stripped;
	}
}
