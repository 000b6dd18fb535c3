package dev.steward.policy.domain;

import org.jmolecules.ddd.types.Identifier;

/** The name of a variant within its policy, stripped of surrounding whitespace. */
public record VariantName(String value) implements Identifier {

	public VariantName {
		value = value.strip();
	}

	public static VariantName of(String value) {
		return new VariantName(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
