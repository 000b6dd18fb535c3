package dev.steward.policy.domain;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import org.jmolecules.ddd.types.ValueObject;
import org.jspecify.annotations.Nullable;

/**
 * Where policies are activated: a world, or a client profile within it ({@code ""} is the world itself). Both
 * parts are stripped of surrounding whitespace; a blank world id, a control character in either or a client
 * profile longer than {@value #MAX_LENGTH} characters is {@code POLICY_SCOPE_INVALID} (a world id no world could
 * have is left for the world lookup to call unknown).
 */
public record ActivationScope(String worldId, String clientProfile) implements ValueObject {

	public static final int MAX_LENGTH = 128;

	public ActivationScope {
		if (worldId == null || worldId.isBlank()) {
			throw new PolicyException(PolicyErrorCode.POLICY_SCOPE_INVALID, "A scope needs a world id");
		}
		worldId = worldId.strip();
		clientProfile = clientProfile == null ? "" : clientProfile.strip();
		if (clientProfile.length() > MAX_LENGTH
				|| (worldId + clientProfile).codePoints().anyMatch(Character::isISOControl)) {
			throw new PolicyException(PolicyErrorCode.POLICY_SCOPE_INVALID, "A client profile is at most " + MAX_LENGTH
					+ " characters, and neither it nor the world id holds a control character");
		}
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
