package dev.steward.policy.domain;

import dev.steward.policy.PolicyVariantView;
import java.util.LinkedHashMap;
import java.util.Map;

/** A variant was created or replaced. */
public record PolicyVariantSaved(PolicyVariantView saved) implements LoggedPolicyEvent {

	@Override
	public String type() {
		return "v1.policy_variant.saved";
	}

	@Override
	public String subjectKind() {
		return "policy_variant";
	}

	@Override
	public String subjectId() {
		return saved.policyId() + "@" + saved.variant();
	}

	@Override
	public String actor() {
		return saved.updatedBy();
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("policy_id", saved.policyId());
		payload.put("variant", saved.variant());
		payload.put("schema_version", saved.schemaVersion());
		payload.put("policy_version", saved.policyVersion());
		payload.put("status", saved.status());
		payload.put("content", saved.content());
		payload.put("content_hash", saved.contentHash());
		payload.put("version", saved.version());
		return payload;
	}
}
