package dev.steward.policy.application;

import dev.steward.policy.ActivatePolicy;
import dev.steward.policy.ActivationEventView;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.ActivationReplayCheck;
import dev.steward.policy.ActivationView;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import dev.steward.policy.RollbackActivation;
import dev.steward.policy.domain.ActivationScope;
import dev.steward.policy.domain.Activations;
import dev.steward.policy.domain.PolicyActivated;
import dev.steward.policy.domain.PolicyLog;
import dev.steward.policy.domain.PolicyVariants;
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
import dev.steward.kernel.CodedException;
import dev.steward.kernel.KernelErrorCode;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
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

	static final int MAX_PAGE = 500;

	private final Worlds worlds;

	private final PolicyVariants variants;

	private final Activations activations;

	private final PolicyLog log;

	private final TransactionTemplate transactions;

	ActivationManagement(Worlds worlds, PolicyVariants variants, Activations activations, PolicyLog log,
			PlatformTransactionManager transactionManager) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.worlds = worlds;
		this.variants = variants;
		this.activations = activations;
		this.log = log;
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ActivationEventView activate(ActivatePolicy command) {
		ActivationScope scope = ActivationScope.of(command.worldId(), command.clientProfile());
		PolicyId policyId = PolicyId.parse(command.policyId());
		return idempotently(command.idempotencyKey(), command.actor(),
				() -> write(scope, policyId, command.variant(), null, command.actor(), command.idempotencyKey()),
				first -> first.worldId().equals(scope.worldId()) && first.clientProfile().equals(scope.clientProfile())
						&& first.policyId().equals(policyId.value())
						&& first.variant().equals(command.variant().strip()) && first.rollbackOf() == null);
	}

	@Override
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public ActivationEventView rollback(RollbackActivation command) {
		return idempotently(command.idempotencyKey(), command.actor(), () -> rollbackOnce(command),
				first -> first.rollbackOf() != null && first.rollbackOf() == command.activationEventId());
	}

	/**
	 * Runs {@code write} in a transaction of its own, unless {@code key} was used before: then the event that key
	 * appended is the answer, provided the same actor asked the same thing ({@code IDEMPOTENCY_KEY_REUSED}
	 * otherwise). Two concurrent requests with one key are decided by the log's unique key: the loser's
	 * transaction rolls back and it answers with the winner's event.
	 */
	private ActivationEventView idempotently(@Nullable String key, String actor,
			Supplier<ActivationEventView> write, Predicate<ActivationEventView> sameRequest) {
		if (key == null) {
			return transactions.execute(status -> write.get());
		}
		Optional<ActivationEventView> first = firstFor(key);
		if (first.isEmpty()) {
			try {
				return transactions.execute(status -> write.get());
			}
			catch (DuplicateKeyException ex) {
				first = firstFor(key);
				if (first.isEmpty()) {
					throw ex;
				}
			}
		}
		ActivationEventView earlier = first.get();
		if (!earlier.actor().equals(actor) || !sameRequest.test(earlier)) {
			throw new CodedException(KernelErrorCode.IDEMPOTENCY_KEY_REUSED,
					"The idempotency key " + key + " was used for another request (activation event "
							+ earlier.activationEventId() + ")");
		}
		return earlier;
	}

	private Optional<ActivationEventView> firstFor(String key) {
		OptionalLong sequence = log.sequenceOf(key);
		if (sequence.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(activations.event(sequence.getAsLong())
			.orElseThrow(() -> new CodedException(KernelErrorCode.IDEMPOTENCY_KEY_REUSED,
					"The idempotency key " + key + " was used for another kind of request")));
	}

	private ActivationEventView rollbackOnce(RollbackActivation command) {
		ActivationEventView target = activations.event(command.activationEventId())
			.orElseThrow(() -> new PolicyException(PolicyErrorCode.POLICY_ROLLBACK_EVENT_NOT_FOUND,
					"There is no activation event " + command.activationEventId()));
		if (command.policyId() != null && !target.policyId().equals(PolicyId.parse(command.policyId()).value())) {
			throw new PolicyException(PolicyErrorCode.POLICY_ROLLBACK_POLICY_MISMATCH, "Activation event "
					+ target.activationEventId() + " is of " + target.policyId() + ", not " + command.policyId());
		}
		ActivationScope scope = ActivationScope.of(target.worldId(), target.clientProfile());
		if (command.worldId() != null || command.clientProfile() != null) {
			ActivationScope asked = ActivationScope.of(
					command.worldId() == null ? target.worldId() : command.worldId(), command.clientProfile());
			if (!asked.equals(scope)) {
				throw new PolicyException(PolicyErrorCode.POLICY_ROLLBACK_SCOPE_MISMATCH, "Activation event "
						+ target.activationEventId() + " is of scope " + scope + ", not " + asked);
			}
		}
		return write(scope, PolicyId.parse(target.policyId()), target.variant(), target.activationEventId(),
				command.actor(), command.idempotencyKey());
	}

	private ActivationEventView write(ActivationScope scope, PolicyId policyId, String variantInput,
			@Nullable Long rollbackOf, String actor, @Nullable String idempotencyKey) {
		String worldId = scope.worldId();
		String clientProfile = scope.clientProfile();
		worlds.requireExisting(worldId);
		String variant = variantInput.strip();
		if (!variants.exists(policyId, variant)) {
			throw new PolicyException(PolicyErrorCode.POLICY_VARIANT_NOT_FOUND,
					"There is no variant " + variant + " of " + policyId);
		}
		Optional<String> replaced = activations.lockCurrent(worldId, clientProfile, policyId);
		PolicyActivated event = new PolicyActivated(worldId, clientProfile, policyId.value(), variant,
				replaced.orElse(null), rollbackOf, actor, idempotencyKey);
		ActivationEventView recorded = activations.record(log.append(event), event);
		String pointer = activations.pointer(worldId, clientProfile, policyId).map(ActivationView::variant).orElse(null);
		String replayed = activations.lastEvent(worldId, clientProfile, policyId)
			.map(ActivationEventView::variant)
			.orElse(null);
		if (!Objects.equals(pointer, replayed) || !variant.equals(pointer)) {
			throw new PolicyException(PolicyErrorCode.POLICY_ACTIVATION_REPLAY_MISMATCH, "Replaying " + policyId
					+ " in " + scope + " gives " + replayed + " but the pointer is " + pointer);
		}
		return recorded;
	}

	@Override
	public List<ActivationView> worldActivations(Collection<String> worldIds) {
		return activations.worldPointers(worldIds);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ActivationView> activations(String worldIdInput, String clientProfileInput, boolean effective) {
		ActivationScope scope = ActivationScope.of(worldIdInput, clientProfileInput);
		String worldId = scope.worldId();
		String clientProfile = scope.clientProfile();
		if (!effective || clientProfile.isEmpty()) {
			return activations.pointers(worldId, clientProfile);
		}
		Map<String, ActivationView> overlay = new TreeMap<>();
		for (ActivationView pointer : activations.pointersWithWorld(worldId, clientProfile)) {
			if (!pointer.clientProfile().isEmpty() || !overlay.containsKey(pointer.policyId())) {
				overlay.put(pointer.policyId(), pointer);
			}
		}
		return List.copyOf(overlay.values());
	}

	@Override
	@Transactional(readOnly = true)
	public List<ActivationEventView> activationEvents(String worldId, String clientProfile,
			@Nullable String policyId, long after, int limit) {
		if (limit < 0 || limit > MAX_PAGE) {
			throw new PolicyException(PolicyErrorCode.POLICY_SCOPE_INVALID,
					"A page holds 0 to " + MAX_PAGE + " events, not " + limit);
		}
		ActivationScope scope = ActivationScope.of(worldId, clientProfile);
		return activations.events(scope.worldId(), scope.clientProfile(),
				policyId == null ? null : PolicyId.parse(policyId), after, limit);
	}

	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ActivationReplayCheck verifyReplay(String worldIdInput, String clientProfileInput) {
		ActivationScope scope = ActivationScope.of(worldIdInput, clientProfileInput);
		String worldId = scope.worldId();
		String clientProfile = scope.clientProfile();
		List<ActivationEventView> events = activations.allEvents(worldId, clientProfile);
		Map<String, String> replayed = new TreeMap<>();
		events.forEach(event -> replayed.put(event.policyId(), event.variant()));
		Map<String, String> pointers = new TreeMap<>();
		activations.pointers(worldId, clientProfile).forEach(pointer -> pointers.put(pointer.policyId(), pointer.variant()));
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
