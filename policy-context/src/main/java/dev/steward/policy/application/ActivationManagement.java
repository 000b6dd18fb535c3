package dev.steward.policy.application;

import dev.steward.policy.PolicyEvents;
import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade.ActivationEventView;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.ActivationFacade.ActivationReplayCheck;
import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import dev.steward.policy.ActivationFacade.RollbackActivation;
import dev.steward.kernel.Keyset;
import dev.steward.kernel.Page;
import dev.steward.kernel.events.IdempotentCommands;
import dev.steward.policy.domain.Activation;
import dev.steward.policy.domain.ActivationScope;
import dev.steward.policy.domain.PolicyTypes;
import dev.steward.policy.domain.RegisteredTypes;
import java.util.function.Consumer;
import java.util.function.Function;
import dev.steward.kernel.events.LogEntry;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.steward.policy.domain.Activations;
import dev.steward.policy.domain.PolicyActivated;
import dev.steward.policy.domain.Worlds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activations and rollbacks: the event, its history row and the pointer commit together, and before they do the
 * pointer of the policy just written is checked against the newest event of that policy, so that replaying the
 * scope's events always reproduces its pointers at a cost that does not grow with history.
 */
@Service
@Transactional
class ActivationManagement implements ActivationFacade {

	private final Worlds worlds;

	private final VariantReads variants;

	private final RegisteredTypes registeredTypes;

	private final Activations activations;

	private final ActivationReads reads;

	private final IdempotentCommands idempotent;

	private final TransactionTemplate transactions;

	ActivationManagement(Worlds worlds, VariantReads variants, RegisteredTypes registeredTypes,
			Activations activations, ActivationReads reads,
			@Qualifier("policyIdempotentCommands") IdempotentCommands idempotent,
			PlatformTransactionManager transactionManager) {
		this.worlds = worlds;
		this.variants = variants;
		this.registeredTypes = registeredTypes;
		this.activations = activations;
		this.reads = reads;
		this.idempotent = idempotent;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ActivationEventView activate(ActivatePolicy command) {
		Activation.Slot slot = new Activation.Slot(ActivationScope.of(command.worldId(), command.clientProfile()),
				PolicyId.parse(command.policyId()));
		String variant = command.variant().strip();
		return idempotent.run(command.idempotencyKey(), command.actor(), PolicyActivated.TYPE,
				() -> transactions.execute(status -> write(slot, variant,
						activation -> activation.activate(variant, command.actor()))),
				entry -> PolicyEvents.activation(entry)
					.filter(first -> slotOf(first).equals(slot) && first.variant().equals(variant)
							&& first.rollbackOf() == null));
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ActivationEventView rollback(RollbackActivation command) {
		return idempotent.run(command.idempotencyKey(), command.actor(), PolicyActivated.TYPE,
				() -> transactions.execute(status -> rollbackOnce(command)),
				entry -> PolicyEvents.activation(entry)
					.filter(first -> first.rollbackOf() != null && first.rollbackOf() == command.activationEventId()));
	}

	private static Activation.Slot slotOf(ActivationEventView event) {
		return new Activation.Slot(ActivationScope.of(event.worldId(), event.clientProfile()),
				PolicyId.parse(event.policyId()));
	}

	private ActivationEventView rollbackOnce(RollbackActivation command) {
		Activation.ActivationRecord target = activations.record(command.activationEventId())
			.orElseThrow(() -> new PolicyException(PolicyErrorCode.POLICY_ROLLBACK_EVENT_NOT_FOUND,
					"There is no activation event " + command.activationEventId()));
		target.requireOf(command.policyId() == null ? null : PolicyId.parse(command.policyId()),
				command.worldId() == null && command.clientProfile() == null ? null
						: ActivationScope.of(command.worldId() == null ? target.slot().scope().worldId() : command.worldId(),
								command.clientProfile()));
		return write(target.slot(), target.variant(), activation -> activation.rollbackTo(target, command.actor()));
	}

	/**
	 * Loads the slot under its lock, changes it and saves it, which appends its event and projects it; then checks
	 * that the pointer is what replaying the slot's events gives.
	 */
	private ActivationEventView write(Activation.Slot slot, String variant, Consumer<Activation> change) {
		String worldId = slot.scope().worldId();
		String clientProfile = slot.scope().clientProfile();
		PolicyId policyId = slot.policyId();
		worlds.requireExisting(worldId);
		if (!variants.exists(policyId, variant)) {
			// a stored variant proves its type is supported, so the catalog is read only to explain a miss
			if (PolicyTypes.of(registeredTypes.all()).find(policyId.type()).isEmpty()) {
				throw new PolicyException(PolicyErrorCode.POLICY_TYPE_UNSUPPORTED,
						"There is no policy type " + policyId.type());
			}
			throw new PolicyException(PolicyErrorCode.POLICY_VARIANT_NOT_FOUND,
					"There is no variant " + variant + " of " + policyId);
		}
		Activation activation = activations.lock(slot);
		change.accept(activation);
		activations.save(activation);
		String pointer = reads.pointer(worldId, clientProfile, policyId).map(ActivationView::variant).orElse(null);
		ActivationEventView last = reads.lastEvent(worldId, clientProfile, policyId).orElseThrow();
		if (!Objects.equals(pointer, last.variant()) || !variant.equals(pointer)) {
			throw new PolicyException(PolicyErrorCode.POLICY_ACTIVATION_REPLAY_MISMATCH, "Replaying " + policyId
					+ " in " + slot.scope() + " gives " + last.variant() + " but the pointer is " + pointer);
		}
		return last;
	}

	@Override
	public List<ActivationView> worldActivations(Collection<String> worldIds) {
		return reads.worldPointers(worldIds);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ActivationView> activations(String worldIdInput, String clientProfileInput, boolean effective) {
		ActivationScope scope = ActivationScope.of(worldIdInput, clientProfileInput);
		String worldId = scope.worldId();
		String clientProfile = scope.clientProfile();
		if (!effective || clientProfile.isEmpty()) {
			return reads.pointers(worldId, clientProfile);
		}
		Map<String, ActivationView> overlay = new TreeMap<>();
		for (ActivationView pointer : reads.pointersWithWorld(worldId, clientProfile)) {
			if (!pointer.clientProfile().isEmpty() || !overlay.containsKey(pointer.policyId())) {
				overlay.put(pointer.policyId(), pointer);
			}
		}
		return List.copyOf(overlay.values());
	}

	@Override
	@Transactional(readOnly = true)
	public Page<ActivationEventView> activationEvents(String worldId, String clientProfile,
			@Nullable String policyId, @Nullable Map<String, ?> after, int size) {
		Page.checkSize(size);
		Keyset position = Keyset.of(after);
		ActivationScope scope = ActivationScope.of(worldId, clientProfile);
		return Page.of(reads.events(scope.worldId(), scope.clientProfile(),
				policyId == null ? null : PolicyId.parse(policyId), position == null ? 0 : position.number("sequence"),
				size + 1), size, position != null);
	}

	@Override
	@Transactional(readOnly = true)
	public Function<LogEntry, Optional<ActivationEventView>> activationFeed(String worldId, String clientProfile) {
		ActivationScope scope = ActivationScope.of(worldId, clientProfile);
		worlds.requireExisting(scope.worldId());
		return entry -> PolicyEvents.activation(entry)
			.filter(event -> event.worldId().equals(scope.worldId())
					&& event.clientProfile().equals(scope.clientProfile()));
	}

	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ActivationReplayCheck verifyReplay(String worldIdInput, String clientProfileInput) {
		ActivationScope scope = ActivationScope.of(worldIdInput, clientProfileInput);
		String worldId = scope.worldId();
		String clientProfile = scope.clientProfile();
		List<ActivationEventView> events = reads.allEvents(worldId, clientProfile);
		Map<String, String> replayed = new TreeMap<>();
		events.forEach(event -> replayed.put(event.policyId(), event.variant()));
		Map<String, String> pointers = new TreeMap<>();
		reads.pointers(worldId, clientProfile).forEach(pointer -> pointers.put(pointer.policyId(), pointer.variant()));
		List<ActivationReplayCheck.Mismatch> mismatches = new ArrayList<>();
		TreeSet<String> policies = new TreeSet<>(replayed.keySet());
		policies.addAll(pointers.keySet());
		for (String policy : policies) {
			if (!Objects.equals(replayed.get(policy), pointers.get(policy))) {
				mismatches.add(new ActivationReplayCheck.Mismatch(policy, replayed.get(policy), pointers.get(policy)));
			}
		}
		return new ActivationReplayCheck(worldId, clientProfile, mismatches.isEmpty(), events.size(),
				pointers.size(), mismatches);
	}
}
