package dev.steward.policy.domain;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jmolecules.ddd.types.ValueObject;

/**
 * One policy of a published scope: the variant its effective activation named, with the fields that say which
 * content it was. {@code updatedAt} is when that variant was last written (ISO-8601, UTC), a fact of the variant
 * rather than of the publish, so it is part of the items hash.
 */
public record ManifestItem(String policyId, String policyType, String namespace, String policyKey, String variant,
		String schemaVersion, int policyVersion, String status, String contentHash, String updatedAt)
		implements ValueObject {

	/** The manifest's order: by type, namespace and key (and variant, which is unique per policy anyway). */
	public static final Comparator<ManifestItem> ORDER = Comparator.comparing(ManifestItem::policyType)
		.thenComparing(ManifestItem::namespace)
		.thenComparing(ManifestItem::policyKey)
		.thenComparing(ManifestItem::variant);

	public static ManifestItem of(StoredVariant variant) {
		return new ManifestItem(variant.policyId(), variant.policyType(), variant.namespace(), variant.policyKey(),
				variant.variant(), variant.schemaVersion(), variant.policyVersion(), variant.status(),
				variant.contentHash(), variant.updatedAt().toString());
	}

	/**
	 * Reads an item as a manifest holds it.
	 * @throws IllegalArgumentException when a field is missing or of the wrong kind
	 */
	public static ManifestItem fromJson(Map<?, ?> json) {
		return new ManifestItem(text(json, "policy_id"), text(json, "policy_type"), text(json, "namespace"),
				text(json, "policy_key"), text(json, "variant"), text(json, "schema_version"),
				json.get("policy_version") instanceof Number number ? number.intValue()
						: missing("policy_version"),
				text(json, "status"), text(json, "content_hash"), text(json, "updated_at"));
	}

	/** The item as the manifest holds it: snake_case members, the policy version as a number. */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("policy_id", policyId);
		json.put("policy_type", policyType);
		json.put("namespace", namespace);
		json.put("policy_key", policyKey);
		json.put("variant", variant);
		json.put("schema_version", schemaVersion);
		json.put("policy_version", policyVersion);
		json.put("status", status);
		json.put("content_hash", contentHash);
		json.put("updated_at", updatedAt);
		return json;
	}

	/** Whether the stored variant is still what this item froze: same fields, status and content. */
	public boolean describes(StoredVariant current) {
		return current.policyId().equals(policyId) && current.variant().equals(variant)
				&& current.schemaVersion().equals(schemaVersion) && current.policyVersion() == policyVersion
				&& current.status().equals(status) && current.contentHash().equals(contentHash);
	}

	private static String text(Map<?, ?> json, String member) {
		return json.get(member) instanceof String value ? value : missing(member);
	}

	private static <T> T missing(String member) {
		throw new IllegalArgumentException("A manifest item needs " + member);
	}
}
