package dev.steward.policy.domain;

import dev.steward.policy.PolicyId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A variant was created or replaced; the payload holds everything the variant now is. */
public record PolicyVariantSaved(String policyId, String variant, String schemaVersion, int policyVersion,
		String status, Map<String, Object> content, String contentHash, long version, Instant updatedAt, String actor)
		implements LoggedPolicyEvent {

	public static final String TYPE = dev.steward.policy.PolicyEvents.VARIANT_SAVED;

	PolicyVariantSaved(PolicyId id, PolicyVariant saved) {
		this(id.value(), saved.name(), saved.schemaVersion(), saved.policyVersion(), saved.status(), saved.content(),
				saved.contentHash(), saved.version(), saved.updatedAt(), saved.updatedBy());
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subjectKind() {
		return "policy_variant";
	}

	@Override
	public String subjectId() {
		return policyId + "@" + variant;
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("policy_id", policyId);
		payload.put("variant", variant);
		payload.put("schema_version", schemaVersion);
		payload.put("policy_version", policyVersion);
		payload.put("status", status);
		payload.put("content", content);
		payload.put("content_hash", contentHash);
		payload.put("version", version);
		payload.put("updated_at", updatedAt.toString());
		return payload;
	}
}
