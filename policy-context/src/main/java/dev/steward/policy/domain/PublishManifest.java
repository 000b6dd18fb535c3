package dev.steward.policy.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmolecules.ddd.types.ValueObject;

/**
 * The effective policies of a scope, frozen: one item per policy, sorted by type, namespace and key, with two
 * hashes that leave the time of publishing out, so that publishing the same state again gives the same hashes.
 * <ul>
 * <li>{@code items_hash} = H({@code {"items": items}});</li>
 * <li>{@code manifest_hash} = H({@code {"world_id", "client_profile", "items_hash", "item_count"}}), the client
 * profile {@code null} for the world's own scope;</li>
 * </ul>
 * where H is {@link PolicyHashes#hash(Object)}.
 */
public record PublishManifest(String worldId, String clientProfile, Instant generatedAt, List<ManifestItem> items,
		String itemsHash, String manifestHash) implements ValueObject {

	public PublishManifest {
		items = List.copyOf(items);
	}

	/** Freezes the given variants, the ones the scope's effective activations name, in any order. */
	public static PublishManifest freeze(String worldId, String clientProfile, List<StoredVariant> variants,
			Instant generatedAt, PolicyHashes hashes) {
		List<ManifestItem> items = variants.stream().map(ManifestItem::of).sorted(ManifestItem.ORDER).toList();
		String itemsHash = hashes.itemsHash(items.stream().map(ManifestItem::toJson).toList());
		String manifestHash = hashes.manifestHash(worldId, clientProfile, itemsHash, items.size());
		return new PublishManifest(worldId, clientProfile, generatedAt, items, itemsHash, manifestHash);
	}

	/**
	 * The manifest as it is stored and shown: {@code world_id}, {@code client_profile} (null for the world's own
	 * scope), {@code generated_at}, {@code item_count}, {@code items_hash}, {@code manifest_hash}, {@code items}.
	 */
	public Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("world_id", worldId);
		json.put("client_profile", clientProfile.isEmpty() ? null : clientProfile);
		json.put("generated_at", generatedAt.toString());
		json.put("item_count", items.size());
		json.put("items_hash", itemsHash);
		json.put("manifest_hash", manifestHash);
		json.put("items", items.stream().map(ManifestItem::toJson).toList());
		return json;
	}
}
