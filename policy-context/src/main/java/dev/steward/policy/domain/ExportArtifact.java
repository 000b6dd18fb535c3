package dev.steward.policy.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jmolecules.ddd.types.ValueObject;

/**
 * A publish run made portable: its manifest plus the full variants it names, with hashes of its own, so that
 * another Steward can check it and import it.
 * <p>
 * The members are {@code export_schema_version} ({@value #SCHEMA_VERSION}), {@code policy_authority}
 * ({@value #AUTHORITY}), {@code mirror_mode} ({@value #MIRROR_MODE}: the artifact mirrors what the database holds
 * and is never itself the authority), {@code world_id}, {@code client_profile}, {@code manifest_hash},
 * {@code items_hash}, {@code item_count} and {@code items} from the manifest, then {@code variants_hash},
 * {@code variants} and {@code artifact_hash}, where
 * <ul>
 * <li>{@code variants} holds one row per item, sorted by type, namespace, key and variant, with every field of
 * the variant, its content included, and {@code materialized: true}. A variant that is no longer what the manifest
 * froze (removed, or written again with other content, fields or status) has {@code content: {}},
 * {@code updated_by: "unknown"}, the manifest's fields and {@code materialized: false}: its frozen content is
 * gone;</li>
 * <li>{@code variants_hash} = H({@code {"variants": variants}});</li>
 * <li>{@code artifact_hash} = H(the artifact without {@code artifact_hash}).</li>
 * </ul>
 */
public record ExportArtifact(Map<String, Object> content, String variantsHash, String artifactHash)
		implements ValueObject {

	public static final String SCHEMA_VERSION = "1.0";

	public static final String AUTHORITY = "steward";

	public static final String MIRROR_MODE = "non_authoritative";

	static final String UNKNOWN_AUTHOR = "unknown";

	/**
	 * Builds the artifact of a stored manifest, reading each variant as it is now through {@code current}.
	 * @throws IllegalArgumentException when the manifest is not one that {@link PublishManifest#toJson()} wrote
	 */
	public static ExportArtifact materialize(Map<String, Object> manifest,
			Function<ManifestItem, Optional<StoredVariant>> current, PolicyHashes hashes) {
		if (!(manifest.get("items") instanceof List<?> rawItems)) {
			throw new IllegalArgumentException("A manifest holds a list of items");
		}
		List<ManifestItem> items = new ArrayList<>();
		for (Object item : rawItems) {
			if (!(item instanceof Map<?, ?> json)) {
				throw new IllegalArgumentException("A manifest item is an object");
			}
			items.add(ManifestItem.fromJson(json));
		}
		List<Map<String, Object>> variants = items.stream()
			.sorted(ManifestItem.ORDER)
			.map(item -> current.apply(item)
				.filter(item::describes)
				.map(ExportArtifact::materialized)
				.orElseGet(() -> gone(item)))
			.toList();
		String variantsHash = hashes.variantsHash(variants);

		Map<String, Object> content = new LinkedHashMap<>();
		content.put("export_schema_version", SCHEMA_VERSION);
		content.put("policy_authority", AUTHORITY);
		content.put("mirror_mode", MIRROR_MODE);
		content.put("world_id", manifest.get("world_id"));
		content.put("client_profile", manifest.get("client_profile"));
		content.put("manifest_hash", manifest.get("manifest_hash"));
		content.put("items_hash", manifest.get("items_hash"));
		content.put("item_count", manifest.get("item_count"));
		content.put("items", items.stream().map(ManifestItem::toJson).toList());
		content.put("variants_hash", variantsHash);
		content.put("variants", variants);
		String artifactHash = hashes.artifactHash(content);
		content.put("artifact_hash", artifactHash);
		return new ExportArtifact(content, variantsHash, artifactHash);
	}

	private static Map<String, Object> materialized(StoredVariant variant) {
		return row(variant.policyId(), variant.policyType(), variant.namespace(), variant.policyKey(),
				variant.variant(), variant.schemaVersion(), variant.policyVersion(), variant.status(),
				variant.content(), variant.contentHash(), variant.updatedAt().toString(), variant.updatedBy(), true);
	}

	private static Map<String, Object> gone(ManifestItem item) {
		return row(item.policyId(), item.policyType(), item.namespace(), item.policyKey(), item.variant(),
				item.schemaVersion(), item.policyVersion(), item.status(), Map.of(), item.contentHash(),
				item.updatedAt(), UNKNOWN_AUTHOR, false);
	}

	private static Map<String, Object> row(String policyId, String policyType, String namespace, String policyKey,
			String variant, String schemaVersion, int policyVersion, String status, Map<String, Object> content,
			String contentHash, String updatedAt, String updatedBy, boolean materialized) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("policy_id", policyId);
		row.put("policy_type", policyType);
		row.put("namespace", namespace);
		row.put("policy_key", policyKey);
		row.put("variant", variant);
		row.put("schema_version", schemaVersion);
		row.put("policy_version", policyVersion);
		row.put("status", status);
		row.put("content", content);
		row.put("content_hash", contentHash);
		row.put("updated_at", updatedAt);
		row.put("updated_by", updatedBy);
		row.put("materialized", materialized);
		return row;
	}
}
