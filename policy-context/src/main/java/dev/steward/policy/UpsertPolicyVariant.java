package dev.steward.policy;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Create or replace a variant of a policy. With {@code expectedVersion}, the variant must exist at exactly that
 * version. {@code actor} is the authenticated principal.
 */
public record UpsertPolicyVariant(String policyId, String variant, String schemaVersion, int policyVersion,
		String status, Map<String, Object> content, @Nullable Long expectedVersion, String actor) {
}
