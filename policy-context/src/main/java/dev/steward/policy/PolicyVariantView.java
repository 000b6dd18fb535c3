package dev.steward.policy;

import java.time.Instant;
import java.util.Map;

/** A stored variant of a policy, as read back from the database. */
public record PolicyVariantView(String policyId, String policyType, String namespace, String policyKey,
		String variant, String schemaVersion, int policyVersion, String status, Map<String, Object> content,
		String contentHash, Instant updatedAt, String updatedBy, long version) {
}
