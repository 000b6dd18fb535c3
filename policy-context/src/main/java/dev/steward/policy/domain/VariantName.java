package dev.steward.policy.domain;

import dev.steward.kernel.CodedException;
import dev.steward.kernel.KernelErrorCode;
import org.jmolecules.ddd.types.Identifier;

/**
 * The name of a variant within its policy, stripped of surrounding whitespace: at most {@value #MAX_LENGTH}
 * characters, none of them a control character.
 */
public record VariantName(String value) implements Identifier {

	public static final int MAX_LENGTH = 128;

	public VariantName {
		value = value.strip();
	}

	public static VariantName of(String value) {
		return new VariantName(value);
	}

	/**
	 * The name as given, if it keeps the length and character rules; whether it is blank is for validation to
	 * report.
	 * @throws CodedException {@code INVALID_ARGUMENT} otherwise
	 */
	public static String check(String value) {
		String stripped = value.strip();
		if (stripped.length() > MAX_LENGTH || stripped.codePoints().anyMatch(Character::isISOControl)) {
			throw new CodedException(KernelErrorCode.INVALID_ARGUMENT,
					"variant must be at most " + MAX_LENGTH + " characters, none of them a control character");
		}
		return value;
	}

	@Override
	public String toString() {
		return value;
	}
}
