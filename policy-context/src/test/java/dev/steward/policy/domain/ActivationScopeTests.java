package dev.steward.policy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import org.junit.jupiter.api.Test;

class ActivationScopeTests {

	@Test
	void stripsBothPartsAndReadsAMissingClientProfileAsTheWorldItself() {
		ActivationScope scope = ActivationScope.of("  pipeworks_web ", null);

		assertThat(scope.worldId()).isEqualTo("pipeworks_web");
		assertThat(scope.clientProfile()).isEmpty();
		assertThat(scope).isEqualTo(ActivationScope.of("pipeworks_web", " "));
		assertThat(scope).hasToString("pipeworks_web");
	}

	@Test
	void namesAClientProfileAfterItsWorld() {
		assertThat(ActivationScope.of("pipeworks_web", " mobile ")).hasToString("pipeworks_web:mobile");
	}

	@Test
	void refusesABlankWorld() {
		assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> ActivationScope.of(" ", "mobile"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_SCOPE_INVALID));
	}
}
