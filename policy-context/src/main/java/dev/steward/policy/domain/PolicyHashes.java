package dev.steward.policy.domain;

import dev.steward.policy.PolicyId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * SHA-256 over the RFC 8785 canonical JSON of a value, and the input of each hash that policies, manifests and
 * export artifacts carry. None of the inputs holds a time of publishing, so the same state always hashes the same.
 */
public interface PolicyHashes {

	/** The hash of a variant's content, its identity included: {@code {"policy_id", "variant", "content"}}. */
	default String contentHash(PolicyId id, String variant, Map<String, Object> content) {
		return contentHash(id.value(), variant, content);
	}

	/** The content hash over an identity as written, e.g. in an artifact being checked. */
	default String contentHash(String policyId, String variant, Map<?, ?> content) {
		return hash(Map.of("policy_id", policyId, "variant", variant, "content", content));
	}

	/** The hash of a manifest's items: {@code {"items": items}}. */
	default String itemsHash(List<?> items) {
		return hash(Map.of("items", items));
	}

	/**
	 * The hash of a manifest: {@code {"world_id", "client_profile", "items_hash", "item_count"}}, where the client
	 * profile of a world's own scope is {@code null}.
	 */
	default String manifestHash(String worldId, @Nullable String clientProfile, String itemsHash, long itemCount) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("world_id", worldId);
		input.put("client_profile", clientProfile == null || clientProfile.isEmpty() ? null : clientProfile);
		input.put("items_hash", itemsHash);
		input.put("item_count", itemCount);
		return hash(input);
	}

	/** The hash of an artifact's variants: {@code {"variants": variants}}. */
	default String variantsHash(List<?> variants) {
		return hash(Map.of("variants", variants));
	}

	/** The hash of an artifact: the artifact itself without its {@code artifact_hash} member. */
	default String artifactHash(Map<?, ?> artifact) {
		Map<Object, Object> input = new LinkedHashMap<>(artifact);
		input.remove("artifact_hash");
		return hash(input);
	}

	/** SHA-256 (hex) of the canonical JSON of {@code value}. */
	String hash(Object value);
}
