package dev.steward.policy;

import dev.steward.kernel.IdempotencyKeys;
import org.jspecify.annotations.Nullable;

/** Validate a variant without storing it; the run is recorded. {@code actor} is the authenticated principal. {@code content} is a JSON object
 * (anything else is {@code INVALID_ARGUMENT}). With an {@code idempotencyKey}, the same request again returns the first one's answer and appends nothing. */
public record ValidatePolicyVariant(String policyId, String variant, String schemaVersion, int policyVersion,
		String status, Object content, String actor,
		@Nullable String idempotencyKey) {

	public ValidatePolicyVariant {
		IdempotencyKeys.check(idempotencyKey);
	}

	public ValidatePolicyVariant(String policyId, String variant, String schemaVersion, int policyVersion,
		String status, Object content, String actor) {
		this(policyId, variant, schemaVersion, policyVersion, status, content, actor, null);
	}
}
