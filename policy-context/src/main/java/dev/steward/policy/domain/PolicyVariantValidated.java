package dev.steward.policy.domain;

import dev.steward.policy.ValidationResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A variant was validated, stored or not: the run's outcome as its validation history records it. Logged in the
 * run's own transaction, so a failed validation is on record even though its variant was never stored.
 */
public record PolicyVariantValidated(ValidationResult run) implements LoggedPolicyEvent {

	@Override
	public String type() {
		return "v1.policy_variant.validated";
	}

	@Override
	public String subjectKind() {
		return "policy_variant";
	}

	@Override
	public String subjectId() {
		return run.policyId() + "@" + run.variant();
	}

	@Override
	public String actor() {
		return run.validatedBy();
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("validation_run_id", run.validationRunId());
		payload.put("policy_id", run.policyId());
		payload.put("variant", run.variant());
		payload.put("valid", run.valid());
		payload.put("errors", run.errors());
		payload.put("content_hash", run.contentHash());
		return payload;
	}
}
