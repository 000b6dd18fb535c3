package dev.steward.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyStatusTests {

	@ParameterizedTest
	@CsvSource({ "draft, DRAFT", "candidate, CANDIDATE", "active, ACTIVE", "archived, ARCHIVED" })
	void parsesEachLowerCaseCode(String code, PolicyStatus expected) {
		PolicyStatus status = PolicyStatus.parse(code);

		assertThat(status).isEqualTo(expected);
	}

	@Test
	void writesItsCodeInLowerCase() {
		PolicyStatus status = PolicyStatus.CANDIDATE;

		String code = status.code();

		assertThat(code).isEqualTo("candidate");
	}

	@ParameterizedTest
	@ValueSource(strings = { "published", "", "Active", "DRAFT", " draft", "archived " })
	void rejectsAnythingButAnExactLowerCaseCode(String code) {
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> PolicyStatus.parse(code))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_VALIDATION_ERROR))
			.withMessage("status must be one of: draft, candidate, active, archived");
	}

	@Test
	void findsNoStatusForAnUnknownCode() {
		String code = "retired";

		assertThat(PolicyStatus.fromCode(code)).isEmpty();
	}
}
