package dev.steward.policy.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A policy type was registered with a JSON Schema for its content. */
public record PolicyTypeRegistered(RegisteredPolicyType registered, String actor) implements LoggedPolicyEvent {

	public static final String TYPE = dev.steward.policy.PolicyEvents.TYPE_REGISTERED;

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subjectKind() {
		return "policy_type";
	}

	@Override
	public String subjectId() {
		return registered.name();
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("name", registered.name());
		payload.put("layer", registered.type().layer().name().toLowerCase(java.util.Locale.ROOT));
		payload.put("json_schema", registered.schema());
		return payload;
	}
}
