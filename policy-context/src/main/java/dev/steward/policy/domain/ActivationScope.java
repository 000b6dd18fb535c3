package dev.steward.policy.domain;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import org.jmolecules.ddd.types.ValueObject;
import org.jspecify.annotations.Nullable;

/**
 * Where policies are activated: a world, or a client profile within it ({@code ""} is the world itself). Both
 * parts are stripped of surrounding whitespace; a blank world id is {@code POLICY_SCOPE_INVALID}.
 */
public record ActivationScope(String worldId, String clientProfile) implements ValueObject {

	public ActivationScope {
		if (worldId == null || worldId.isBlank()) {
			throw new PolicyException(PolicyErrorCode.POLICY_SCOPE_INVALID, "A scope needs a world id");
		}
		worldId = worldId.strip();
		clientProfile = clientProfile == null ? "" : clientProfile.strip();
	}

	public static ActivationScope of(@Nullable String worldId, @Nullable String clientProfile) {
		return new ActivationScope(worldId, clientProfile);
	}

	/** {@code world}, or {@code world:client} for a client profile. */
	@Override
	public String toString() {
		return clientProfile.isEmpty() ? worldId : worldId + ":" + clientProfile;
	}
}
