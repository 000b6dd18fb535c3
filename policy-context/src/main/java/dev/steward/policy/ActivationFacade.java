package dev.steward.policy;

import dev.steward.kernel.Page;
import dev.steward.kernel.events.LogEntry;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Activation pointers per scope, written together with their events; rollback by reference to an earlier event.
 * Replaying a scope's events in order always reproduces its pointers.
 */
public interface ActivationFacade {

	/**
	 * Points the scope at the variant and appends {@code v1.policy.activated}, in one transaction.
	 * @throws PolicyException {@code POLICY_WORLD_NOT_FOUND}, {@code POLICY_ID_INVALID},
	 * {@code POLICY_TYPE_UNSUPPORTED}, {@code POLICY_VARIANT_NOT_FOUND}, {@code POLICY_SCOPE_INVALID}
	 */
	ActivationEventView activate(ActivatePolicy command);

	/**
	 * Activates the variant of the referenced event again, as a new event.
	 * @throws PolicyException {@code POLICY_ROLLBACK_EVENT_NOT_FOUND}, {@code POLICY_ROLLBACK_POLICY_MISMATCH},
	 * {@code POLICY_ROLLBACK_SCOPE_MISMATCH}, and those of {@link #activate}
	 */
	ActivationEventView rollback(RollbackActivation command);

	/** The scope's own pointers, or (effective) the client profile's over the world's, per policy. */
	List<ActivationView> activations(String worldId, String clientProfile, boolean effective);

	/** Up to {@code limit} activation events of the scope (of one policy when given) after {@code after}. */
	Page<ActivationEventView> activationEvents(String worldId, String clientProfile, @Nullable String policyId,
			@Nullable Map<String, ?> after, int size);

	/**
	 * Reads the activation events of one scope out of policy log entries: empty for any other entry.
	 * @throws PolicyException {@code POLICY_WORLD_NOT_FOUND}, {@code POLICY_SCOPE_INVALID}
	 */
	Function<LogEntry, Optional<ActivationEventView>> activationFeed(String worldId, String clientProfile);

	/** Replays every activation event of the scope and compares the result with its pointers. */
	ActivationReplayCheck verifyReplay(String worldId, String clientProfile);
}
