package dev.steward.policy.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A scope was pointed at a variant of a policy; {@code replacedVariant} is what it pointed at before (null the
 * first time) and {@code rollbackOf} the event a rollback went back to.
 */
public record PolicyActivated(String worldId, String clientProfile, String policyId, String variant,
		@Nullable String replacedVariant, @Nullable Long rollbackOf, String actor) implements LoggedPolicyEvent {

	public static final String TYPE = dev.steward.policy.PolicyEvents.ACTIVATED;

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subjectKind() {
		return "policy_activation";
	}

	@Override
	public String subjectId() {
		return worldId + "/" + clientProfile + "/" + policyId;
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("world_id", worldId);
		payload.put("client_profile", clientProfile);
		payload.put("policy_id", policyId);
		payload.put("variant", variant);
		payload.put("replaced_variant", replacedVariant);
		payload.put("rollback_of", rollbackOf);
		return payload;
	}
}
