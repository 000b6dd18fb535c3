package dev.steward.policy.domain;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import java.util.List;
import org.jmolecules.ddd.types.ValueObject;

/** The result of validating a policy draft: valid exactly when no rule was broken, with every broken rule listed. */
public record ValidationOutcome(boolean valid, List<String> errors) implements ValueObject {

	/** @throws IllegalArgumentException when {@code valid} does not match whether there are errors */
	public ValidationOutcome {
		errors = List.copyOf(errors);
		if (valid != errors.isEmpty()) {
			throw new IllegalArgumentException(valid ? "A valid outcome has no errors, but got " + errors
					: "An invalid outcome lists at least one error");
		}
	}

	/** The outcome with these errors: valid when there are none. */
	public static ValidationOutcome of(List<String> errors) {
		return new ValidationOutcome(errors.isEmpty(), errors);
	}

	public static ValidationOutcome passed() {
		return new ValidationOutcome(true, List.of());
	}

	/**
	 * Returns this outcome if it is valid.
	 *
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_VALIDATION_ERROR} and the errors joined by
	 * {@code "; "} when it is not
	 */
	public ValidationOutcome requireValid() {
		if (!valid) {
			throw new PolicyException(PolicyErrorCode.POLICY_VALIDATION_ERROR, String.join("; ", errors));
		}
		return this;
	}
}
