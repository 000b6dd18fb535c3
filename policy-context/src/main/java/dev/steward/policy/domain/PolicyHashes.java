package dev.steward.policy.domain;

import dev.steward.policy.PolicyId;
import java.util.Map;

/** SHA-256 over the RFC 8785 canonical JSON of a value. */
public interface PolicyHashes {

	/** The hash of a variant's content, its identity included: {@code {"policy_id", "variant", "content"}}. */
	default String contentHash(PolicyId id, String variant, Map<String, Object> content) {
		return hash(Map.of("policy_id", id.value(), "variant", variant, "content", content));
	}

	/** SHA-256 (hex) of the canonical JSON of {@code value}. */
	String hash(Object value);
}
