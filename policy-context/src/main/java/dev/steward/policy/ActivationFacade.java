package dev.steward.policy;

import dev.steward.kernel.IdempotencyKeys;
import dev.steward.kernel.Keyed;
import dev.steward.kernel.Page;
import dev.steward.kernel.events.LogEntry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

	/**
	 * The worlds' own pointers (client profile {@code ""}), read together in one query, ordered by world id and
	 * policy id; worlds without pointers, or that do not exist, have none in the list.
	 */
	List<ActivationView> worldActivations(Collection<String> worldIds);

	/**
	 * Up to {@code size} activation events of the scope (of one policy when given) in log order, after the position
	 * a cursor gave.
	 */
	Page<ActivationEventView> activationEvents(String worldId, String clientProfile, @Nullable String policyId,
			@Nullable Map<String, ?> after, int size);

	/**
	 * Reads the activation events of one scope out of policy log entries: empty for any other entry.
	 * @throws PolicyException {@code POLICY_WORLD_NOT_FOUND}, {@code POLICY_SCOPE_INVALID}
	 */
	Function<LogEntry, Optional<ActivationEventView>> activationFeed(String worldId, String clientProfile);

	/** Replays every activation event of the scope and compares the result with its pointers. */
	ActivationReplayCheck verifyReplay(String worldId, String clientProfile);

	/**
	 * Point a scope (a world, or a client profile within it; {@code ""} is the world itself) at a variant of a
	 * policy. {@code actor} is the authenticated principal. With an {@code idempotencyKey}, the same request again
	 * (same key, actor, scope, policy and variant) returns the first one's event and appends nothing.
	 */
	public record ActivatePolicy(String worldId, String clientProfile, String policyId, String variant, String actor,
			@Nullable String idempotencyKey) {

		public ActivatePolicy {
			IdempotencyKeys.check(idempotencyKey);
		}

		public ActivatePolicy(String worldId, String clientProfile, String policyId, String variant, String actor) {
			this(worldId, clientProfile, policyId, variant, actor, null);
		}
	}

	/**
	 * Activate again the variant of an earlier activation event, as a new event in the same scope and policy. The
	 * scope and the policy come from the referenced event; any of them given here must match it. {@code actor} is
	 * the authenticated principal. With an {@code idempotencyKey}, the same request again returns the first one's
	 * event and appends nothing.
	 */
	public record RollbackActivation(@Nullable String worldId, @Nullable String clientProfile, @Nullable String policyId,
			long activationEventId, String actor, @Nullable String idempotencyKey) {

		public RollbackActivation {
			IdempotencyKeys.check(idempotencyKey);
		}

		public RollbackActivation(@Nullable String worldId, @Nullable String clientProfile, @Nullable String policyId,
				long activationEventId, String actor) {
			this(worldId, clientProfile, policyId, activationEventId, actor, null);
		}
	}

	/**
	 * A pointer from a scope to a variant. In the effective overlay, {@code clientProfile} says where the pointer
	 * comes from: the client profile asked for, or {@code ""} when the world's own pointer shows through.
	 */
	public record ActivationView(String worldId, String clientProfile, String policyId, String variant,
			Instant activatedAt, String activatedBy, long activationEventId) {
	}

	/**
	 * One activation, a rollback included, as recorded. Its id is its sequence in the policy event log; it names the
	 * variant it replaced (null for a first activation) and, for a rollback, the event it went back to.
	 */
	public record ActivationEventView(long activationEventId, String worldId, String clientProfile, String policyId,
			String variant, @Nullable String replacedVariant, @Nullable Long rollbackOf, String actor,
			Instant createdAt) implements Keyed {

		/** The event's id, as clients see it: its sequence in the policy log. */
		public String id() {
			return Long.toString(activationEventId);
		}

		/** Activation events are listed in log order. */
		@Override
		public Map<String, Object> keyset() {
			return Map.of("sequence", activationEventId);
		}
	}

	/** The outcome of replaying a scope's activation events against its pointers. */
	public record ActivationReplayCheck(String worldId, String clientProfile, boolean consistent, int eventCount,
			int pointerCount, List<Mismatch> mismatches) {

		/** A policy whose pointer is not what the replay gives. */
		public record Mismatch(String policyId, @Nullable String replayedVariant, @Nullable String pointerVariant) {
		}
	}
}
