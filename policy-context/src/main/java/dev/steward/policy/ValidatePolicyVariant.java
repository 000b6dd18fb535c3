package dev.steward.policy;

import java.util.Map;

/** Validate a variant without storing it; the run is recorded. {@code actor} is the authenticated principal. */
public record ValidatePolicyVariant(String policyId, String variant, String schemaVersion, int policyVersion,
		String status, Map<String, Object> content, String actor) {
}
