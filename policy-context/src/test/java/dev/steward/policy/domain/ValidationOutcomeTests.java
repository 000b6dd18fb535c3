package dev.steward.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationOutcomeTests {

	@Test
	void isValidWhenThereAreNoErrors() {
		List<String> errors = List.of();

		ValidationOutcome outcome = ValidationOutcome.of(errors);

		assertThat(outcome.valid()).isTrue();
		assertThat(outcome).isEqualTo(ValidationOutcome.passed());
	}

	@Test
	void isInvalidWhenThereAreErrors() {
		List<String> errors = List.of("variant must not be blank");

		ValidationOutcome outcome = ValidationOutcome.of(errors);

		assertThat(outcome.valid()).isFalse();
		assertThat(outcome.errors()).containsExactly("variant must not be blank");
	}

	@Test
	void refusesAValidOutcomeWithErrors() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ValidationOutcome(true, List.of("variant must not be blank")))
			.withMessage("A valid outcome has no errors, but got [variant must not be blank]");
	}

	@Test
	void refusesAnInvalidOutcomeWithoutErrors() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ValidationOutcome(false, List.of()))
			.withMessage("An invalid outcome lists at least one error");
	}

	@Test
	void throwsAValidationErrorListingEveryErrorWhenRequiredToBeValid() {
		ValidationOutcome outcome = ValidationOutcome
			.of(List.of("variant must not be blank", "content.text must be a non-empty string"));

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(outcome::requireValid)
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_VALIDATION_ERROR))
			.withMessage("variant must not be blank; content.text must be a non-empty string");
	}

	@Test
	void returnsAValidOutcomeWhenRequiredToBeValid() {
		ValidationOutcome outcome = ValidationOutcome.passed();

		ValidationOutcome required = outcome.requireValid();

		assertThat(required).isSameAs(outcome);
	}
}
