package dev.steward.policy;

import dev.steward.kernel.IdempotencyKeys;
import org.jspecify.annotations.Nullable;

/**
 * Create or replace a variant of a policy. With {@code expectedVersion}, the variant must exist at exactly that
 * version. {@code actor} is the authenticated principal. {@code content} is a JSON object
 * (anything else is {@code INVALID_ARGUMENT}). With an {@code idempotencyKey}, the same request again returns the first one's answer and appends nothing.
 */
public record UpsertPolicyVariant(String policyId, String variant, String schemaVersion, int policyVersion,
		String status, Object content, @Nullable Long expectedVersion, String actor,
		@Nullable String idempotencyKey) {

	public UpsertPolicyVariant {
		IdempotencyKeys.check(idempotencyKey);
	}

	public UpsertPolicyVariant(String policyId, String variant, String schemaVersion, int policyVersion,
		String status, Object content, @Nullable Long expectedVersion, String actor) {
		this(policyId, variant, schemaVersion, policyVersion, status, content, expectedVersion, actor, null);
	}
}
