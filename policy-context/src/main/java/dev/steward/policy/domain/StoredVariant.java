package dev.steward.policy.domain;

import java.time.Instant;
import java.util.Map;
import org.jmolecules.ddd.types.ValueObject;

/**
 * A variant as it is stored, read whole: what manifests, artifacts, snapshot trees and runtime resolution are
 * built from. The context publishes its own view of a variant; the domain works on this.
 */
public record StoredVariant(String policyId, String policyType, String namespace, String policyKey, String variant,
		String schemaVersion, int policyVersion, String status, Map<String, Object> content, String contentHash,
		Instant updatedAt, String updatedBy, long version) implements ValueObject {
}
