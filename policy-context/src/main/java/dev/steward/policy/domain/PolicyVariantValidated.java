package dev.steward.policy.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A variant was validated, stored or not: the run's outcome as its validation history records it. Logged in the
 * run's own transaction, so a failed validation is on record even though its variant was never stored.
 */
public record PolicyVariantValidated(long validationRunId, String policyId, String variant, boolean valid,
		java.util.List<String> errors, String contentHash, java.time.Instant validatedAt, String actor) implements LoggedPolicyEvent {

	PolicyVariantValidated(ValidationRun run) {
		this(run.getId().value(), run.policyId().value(), run.variant().value(), run.outcome().valid(),
				run.outcome().errors(), run.contentHash(), run.validatedAt(), run.validatedBy());
	}

	public static final String TYPE = dev.steward.policy.PolicyEvents.VARIANT_VALIDATED;

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
		payload.put("validation_run_id", validationRunId);
		payload.put("policy_id", policyId);
		payload.put("variant", variant);
		payload.put("valid", valid);
		payload.put("errors", errors);
		payload.put("content_hash", contentHash);
		payload.put("validated_at", validatedAt.toString());
		return payload;
	}
}
