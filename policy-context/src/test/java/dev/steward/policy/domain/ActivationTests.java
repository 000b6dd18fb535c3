package dev.steward.policy.domain;

import static dev.steward.policy.domain.PolicyTests.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import org.junit.jupiter.api.Test;

class ActivationTests {

	private static final Activation.Slot SLOT = new Activation.Slot(ActivationScope.of("earth", "mobile"),
			PolicyId.parse("prompt:npc:greeting"));

	@Test
	void recordsAFirstActivationWithNothingReplaced() {
		Activation activation = Activation.of(SLOT, null);

		activation.activate("formal", "op");

		assertThat(activation.current()).isEqualTo("formal");
		assertThat(events(activation)).singleElement().isEqualTo(
				new PolicyActivated("earth", "mobile", "prompt:npc:greeting", "formal", null, null, "op"));
	}

	@Test
	void recordsTheVariantAnActivationReplaces() {
		Activation activation = Activation.of(SLOT, "formal");

		activation.activate("casual", "op");

		assertThat(events(activation)).singleElement()
			.isInstanceOfSatisfying(PolicyActivated.class, event -> assertThat(event.replacedVariant()).isEqualTo("formal"));
	}

	@Test
	void rollsBackToAPastActivationOfTheSameSlot() {
		Activation activation = Activation.of(SLOT, "casual");

		activation.rollbackTo(new Activation.ActivationRecord(12, SLOT, "formal"), "op");

		assertThat(activation.current()).isEqualTo("formal");
		assertThat(events(activation)).singleElement().isEqualTo(
				new PolicyActivated("earth", "mobile", "prompt:npc:greeting", "formal", "casual", 12L, "op"));
	}

	@Test
	void refusesToRollBackToAnotherSlotsActivation() {
		Activation activation = Activation.of(SLOT, "casual");
		Activation.Slot other = new Activation.Slot(ActivationScope.of("earth", ""), SLOT.policyId());

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> activation.rollbackTo(new Activation.ActivationRecord(12, other, "formal"), "op"))
			.withMessage("Activation 12 is of " + other + ", not " + SLOT);
		assertThat(activation.current()).isEqualTo("casual");
		assertThat(events(activation)).isEmpty();
	}

	@Test
	void refusesARollbackThatNamesAnotherPolicyOrScopeThanItsTarget() {
		Activation.ActivationRecord target = new Activation.ActivationRecord(12, SLOT, "formal");

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> target.requireOf(PolicyId.parse("prompt:npc:farewell"), null))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ROLLBACK_POLICY_MISMATCH));
		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> target.requireOf(null, ActivationScope.of("earth", "")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_ROLLBACK_SCOPE_MISMATCH));
		target.requireOf(SLOT.policyId(), SLOT.scope());
	}
}
