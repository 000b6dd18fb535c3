package dev.steward.policy;

import org.jmolecules.ddd.types.Identifier;

/**
 * The id of a world, chosen by whoever creates it (for example {@code pipeworks_web}): 1 to 128 characters
 * without surrounding whitespace.
 */
public record WorldId(String value) implements Identifier {

	public WorldId {
		if (value == null || value.isBlank() || !value.strip().equals(value) || value.length() > 128) {
			throw new IllegalArgumentException("A world id is 1 to 128 characters without surrounding whitespace");
		}
	}

	public static WorldId of(String value) {
		return new WorldId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
