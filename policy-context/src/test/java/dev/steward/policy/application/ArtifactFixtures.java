package dev.steward.policy.application;

import dev.steward.policy.PolicyId;
import dev.steward.policy.domain.PolicyHashes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Export artifacts as another Steward would write them, built member by member from the hash inputs the README
 * documents, so that an import of them checks those inputs too.
 */
final class ArtifactFixtures {

	static final String UPDATED_AT = "2026-11-20T10:00:00Z";

	private final PolicyHashes hashes;

	ArtifactFixtures(PolicyHashes hashes) {
		this.hashes = hashes;
	}

	/** A materialized variant row: schema version 1.0, status active, with its content hash. */
	Map<String, Object> variant(String policyId, String variant, int policyVersion, Map<String, Object> content) {
		PolicyId id = PolicyId.parse(policyId);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("policy_id", policyId);
		row.put("policy_type", id.type());
		row.put("namespace", id.namespace());
		row.put("policy_key", id.key());
		row.put("variant", variant);
		row.put("schema_version", "1.0");
		row.put("policy_version", policyVersion);
		row.put("status", "active");
		row.put("content", content);
		row.put("content_hash", hashes.contentHash(policyId, variant, content));
		row.put("updated_at", UPDATED_AT);
		row.put("updated_by", "elsewhere");
		row.put("materialized", true);
		return row;
	}

	/** A sealed artifact of a world's own scope holding these rows, in this order, one item per row. */
	Map<String, Object> artifact(String worldId, List<Map<String, Object>> variants) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Map<String, Object> row : variants) {
			Map<String, Object> item = new LinkedHashMap<>(row);
			item.remove("content");
			item.remove("updated_by");
			item.remove("materialized");
			items.add(item);
		}
		String itemsHash = hashes.itemsHash(items);
		Map<String, Object> artifact = new LinkedHashMap<>();
		artifact.put("export_schema_version", "1.0");
		artifact.put("policy_authority", "steward");
		artifact.put("mirror_mode", "non_authoritative");
		artifact.put("world_id", worldId);
		artifact.put("client_profile", null);
		artifact.put("manifest_hash", hashes.manifestHash(worldId, null, itemsHash, items.size()));
		artifact.put("items_hash", itemsHash);
		artifact.put("item_count", items.size());
		artifact.put("items", items);
		artifact.put("variants_hash", hashes.variantsHash(variants));
		artifact.put("variants", variants);
		return seal(artifact);
	}

	/** The artifact with its artifact_hash recomputed, and nothing else. */
	Map<String, Object> seal(Map<String, Object> artifact) {
		Map<String, Object> sealed = new LinkedHashMap<>(artifact);
		sealed.put("artifact_hash", hashes.artifactHash(sealed));
		return sealed;
	}
}
