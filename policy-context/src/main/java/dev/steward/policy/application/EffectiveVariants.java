package dev.steward.policy.application;

import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.domain.StoredVariant;
import dev.steward.policy.PolicyId;
import dev.steward.policy.domain.ActivationScope;
import org.springframework.stereotype.Component;

/**
 * The one way the use cases read the variant an effective activation points at. The pointer table's foreign key
 * keeps every activated variant in place, so a missing one is a broken reference, reported with the code the
 * reading operation names it by.
 */
@Component
class EffectiveVariants {

	private final VariantReads variants;

	EffectiveVariants(VariantReads variants) {
		this.variants = variants;
	}

	/**
	 * The variant {@code activation}, effective in the scope of {@code worldId}, points at.
	 * @throws PolicyException with {@code whenMissing} when it does not exist
	 */
	StoredVariant of(String worldId, ActivationView activation, PolicyErrorCode whenMissing) {
		return variants.find(PolicyId.parse(activation.policyId()), activation.variant())
			.orElseThrow(() -> new PolicyException(whenMissing,
					"Scope " + ActivationScope.of(worldId, activation.clientProfile()) + " points "
							+ activation.policyId() + " at variant " + activation.variant() + ", which does not exist"));
	}
}
