package dev.steward.policy;

import dev.steward.kernel.Keyed;
import java.util.Map;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One activation, a rollback included, as recorded. Its id is its sequence in the policy event log; it names the
 * variant it replaced (null for a first activation) and, for a rollback, the event it went back to.
 */
public record ActivationEventView(long activationEventId, String worldId, String clientProfile, String policyId,
		String variant, @Nullable String replacedVariant, @Nullable Long rollbackOf, String actor,
		Instant createdAt) implements Keyed {

	/** Activation events are listed in log order. */
	@Override
	public Map<String, Object> keyset() {
		return Map.of("sequence", activationEventId);
	}

}
