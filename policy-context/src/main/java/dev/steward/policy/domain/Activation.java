package dev.steward.policy.domain;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * Which variant of one policy a scope points at. Each activation or rollback records {@link PolicyActivated},
 * naming the variant it replaced, and the scope's pointer and history are that event's projection: replaying a
 * scope's events always gives its pointers.
 */
public final class Activation extends AbstractAggregateRoot<Activation> implements AggregateRoot<Activation, Activation.Slot> {

	private final Slot slot;

	private @Nullable String current;

	private Activation(Slot slot, @Nullable String current) {
		this.slot = slot;
		this.current = current;
	}

	/** The slot as stored: the variant it points at, or null when it was never activated. */
	public static Activation of(Slot slot, @Nullable String current) {
		return new Activation(slot, current);
	}

	@Override
	public Slot getId() {
		return slot;
	}

	public @Nullable String current() {
		return current;
	}

	/** Points the slot at {@code variant}, which the caller has found stored. */
	public void activate(String variant, String actor) {
		point(variant, null, actor);
	}

	/** Points the slot back at what {@code target}, one of this slot's past activations, pointed at. */
	public void rollbackTo(ActivationRecord target, String actor) {
		if (!target.slot().equals(slot)) {
			throw new IllegalArgumentException("Activation " + target.sequence() + " is of " + target.slot() + ", not " + slot);
		}
		point(target.variant(), target.sequence(), actor);
	}

	private void point(String variant, @Nullable Long rollbackOf, String actor) {
		registerEvent(new PolicyActivated(slot.scope().worldId(), slot.scope().clientProfile(), slot.policyId().value(),
				variant, current, rollbackOf, actor));
		current = variant;
	}

	/** One policy in one scope. */
	public record Slot(ActivationScope scope, PolicyId policyId) implements Identifier {

		@Override
		public String toString() {
			return policyId + " in " + scope;
		}
	}

	/** A past activation of a slot, under its sequence in the policy log. */
	public record ActivationRecord(long sequence, Slot slot, String variant) {

		/**
		 * Checks that this is an activation of what a rollback names, where it names it.
		 * @param policyId the policy the rollback names, or null
		 * @param scope the scope the rollback names, or null
		 * @throws PolicyException {@code POLICY_ROLLBACK_POLICY_MISMATCH} or {@code POLICY_ROLLBACK_SCOPE_MISMATCH}
		 */
		public void requireOf(@Nullable PolicyId policyId, @Nullable ActivationScope scope) {
			if (policyId != null && !slot.policyId().equals(policyId)) {
				throw new PolicyException(PolicyErrorCode.POLICY_ROLLBACK_POLICY_MISMATCH,
						"Activation event " + sequence + " is of " + slot.policyId() + ", not " + policyId);
			}
			if (scope != null && !scope.equals(slot.scope())) {
				throw new PolicyException(PolicyErrorCode.POLICY_ROLLBACK_SCOPE_MISMATCH,
						"Activation event " + sequence + " is of scope " + slot.scope() + ", not " + scope);
			}
		}
	}
}
