package dev.steward.policy.domain;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jmolecules.ddd.types.ValueObject;
import org.jspecify.annotations.Nullable;

/**
 * An export artifact offered for import, its shape checked and every hash it carries verified against its
 * content (see {@link ExportArtifact} for what each hash covers): {@code artifact_hash}, {@code variants_hash},
 * {@code items_hash}, {@code manifest_hash} and the {@code content_hash} of each variant that carries content. A
 * hash the artifact leaves out is not checked; a hash it carries must match, or the whole artifact is refused.
 * <p>
 * {@code activationTargets} says which variant of each policy an import activates: the one the manifest's
 * {@code items} name, or, in an artifact without items, the one its {@code variants} hold (the last one listed,
 * should a policy appear twice).
 */
public record ArtifactEnvelope(String worldId, @Nullable String clientProfile, long itemCount,
		@Nullable String manifestHash, @Nullable String itemsHash, @Nullable String artifactHash,
		@Nullable String variantsHash, List<ArtifactVariant> variants, SortedMap<String, String> activationTargets)
		implements ValueObject {

	public ArtifactEnvelope {
		variants = List.copyOf(variants);
		activationTargets = Collections.unmodifiableSortedMap(new TreeMap<>(activationTargets));
	}

	/**
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_IMPORT_ARTIFACT_INVALID} when the artifact is not
	 * an object with a non-empty {@code world_id} and a {@code variants} list of objects, or another member is of
	 * the wrong kind; with {@link PolicyErrorCode#POLICY_IMPORT_ARTIFACT_HASH_MISMATCH} when a hash does not match
	 */
	public static ArtifactEnvelope verify(@Nullable Object artifact, PolicyHashes hashes) {
		if (!(artifact instanceof Map<?, ?> json)) {
			throw invalid("An artifact is a JSON object");
		}
		if (!(json.get("world_id") instanceof String worldId) || worldId.isBlank()) {
			throw invalid("An artifact needs a non-empty world_id");
		}
		Object clientProfileValue = json.get("client_profile");
		if (clientProfileValue != null && !(clientProfileValue instanceof String)) {
			throw invalid("client_profile must be a string or null");
		}
		String clientProfile = (String) clientProfileValue;
		List<Map<?, ?>> rows = objects(json, "variants");
		if (rows == null) {
			throw invalid("An artifact needs variants: a list of objects");
		}
		List<Map<?, ?>> items = objects(json, "items");
		if (json.containsKey("items") && items == null) {
			throw invalid("items must be a list of objects");
		}
		Long declaredCount = count(json.get("item_count"));
		String artifactHash = hashMember(json, "artifact_hash");
		String variantsHash = hashMember(json, "variants_hash");
		String itemsHash = hashMember(json, "items_hash");
		String manifestHash = hashMember(json, "manifest_hash");

		if (artifactHash != null) {
			expect("artifact_hash", artifactHash, hashes.artifactHash(json));
		}
		if (variantsHash != null) {
			expect("variants_hash", variantsHash, hashes.variantsHash(rows));
		}
		if (itemsHash != null) {
			if (items == null) {
				throw invalid("An artifact with an items_hash needs its items");
			}
			expect("items_hash", itemsHash, hashes.itemsHash(items));
		}
		if (manifestHash != null) {
			if (declaredCount == null) {
				throw invalid("An artifact with a manifest_hash needs its item_count");
			}
			if (itemsHash == null && items == null) {
				throw invalid("An artifact with a manifest_hash needs its items_hash or its items");
			}
			String hashOfItems = itemsHash != null ? itemsHash : hashes.itemsHash(items);
			expect("manifest_hash", manifestHash,
					hashes.manifestHash(worldId, clientProfile, hashOfItems, declaredCount));
		}
		for (int index = 0; index < rows.size(); index++) {
			verifyContentHash(index, rows.get(index), hashes);
		}

		List<ArtifactVariant> variants = new ArrayList<>();
		for (int index = 0; index < rows.size(); index++) {
			variants.add(ArtifactVariant.read(index, rows.get(index)));
		}
		long itemCount = declaredCount != null ? declaredCount : items != null ? items.size() : rows.size();
		return new ArtifactEnvelope(worldId, clientProfile, itemCount, manifestHash, itemsHash, artifactHash,
				variantsHash, variants, targets(items, variants));
	}

	/**
	 * The variants in the order to import them: layer 1 (content types and runtime bundles) before layer 2
	 * (composites), so that every reference a composite makes exists when it is validated; rows the catalog cannot
	 * place come last. Rows of the same pass keep their order in the artifact.
	 */
	public List<ArtifactVariant> inImportOrder(PolicyTypes types) {
		return variants.stream()
			.sorted(Comparator.comparingInt((ArtifactVariant variant) -> variant.importOrder(types))
				.thenComparingInt(ArtifactVariant::index))
			.toList();
	}

	private static void verifyContentHash(int index, Map<?, ?> row, PolicyHashes hashes) {
		Object declared = row.get("content_hash");
		if (declared == null || Boolean.FALSE.equals(row.get("materialized"))) {
			return;
		}
		if (!(declared instanceof String contentHash)) {
			throw invalid("variants[" + index + "].content_hash must be a string");
		}
		if (row.get("policy_id") instanceof String policyId && row.get("variant") instanceof String variant
				&& row.get("content") instanceof Map<?, ?> content) {
			expect("variants[" + index + "].content_hash (" + policyId + "@" + variant + ")", contentHash,
					hashes.contentHash(policyId, variant, content));
		}
	}

	private static SortedMap<String, String> targets(@Nullable List<Map<?, ?>> items, List<ArtifactVariant> variants) {
		SortedMap<String, String> targets = new TreeMap<>();
		if (items != null) {
			for (int index = 0; index < items.size(); index++) {
				Map<?, ?> item = items.get(index);
				if (!(item.get("policy_id") instanceof String policyId) || !(item.get("variant") instanceof String variant)) {
					throw invalid("items[" + index + "] needs a policy_id and a variant");
				}
				targets.put(canonical(policyId), variant);
			}
		}
		else {
			variants.stream()
				.filter(ArtifactVariant::importable)
				.forEach(variant -> targets.put(variant.policyId(), variant.variant()));
		}
		return targets;
	}

	private static String canonical(String policyId) {
		try {
			return PolicyId.parse(policyId).value();
		}
		catch (PolicyException ex) {
			return policyId;
		}
	}

	private static @Nullable List<Map<?, ?>> objects(Map<?, ?> json, String member) {
		if (!(json.get(member) instanceof List<?> list)) {
			return null;
		}
		List<Map<?, ?>> objects = new ArrayList<>();
		for (Object element : list) {
			if (!(element instanceof Map<?, ?> object)) {
				return null;
			}
			objects.add(object);
		}
		return objects;
	}

	private static @Nullable Long count(@Nullable Object value) {
		BigInteger number = switch (value) {
			case Integer i -> BigInteger.valueOf(i);
			case Long l -> BigInteger.valueOf(l);
			case BigInteger big -> big;
			case null -> null;
			default -> throw invalid("item_count must be an integer");
		};
		if (number == null) {
			return null;
		}
		if (number.signum() < 0 || number.bitLength() > 63) {
			throw invalid("item_count must be an integer of at least 0");
		}
		return number.longValue();
	}

	private static @Nullable String hashMember(Map<?, ?> json, String member) {
		Object value = json.get(member);
		if (value != null && !(value instanceof String)) {
			throw invalid(member + " must be a string");
		}
		return (String) value;
	}

	private static void expect(String what, String declared, String recomputed) {
		if (!declared.equals(recomputed)) {
			throw new PolicyException(PolicyErrorCode.POLICY_IMPORT_ARTIFACT_HASH_MISMATCH, "The artifact's " + what
					+ " is " + declared + " but its content hashes to " + recomputed + "; nothing was imported");
		}
	}

	private static PolicyException invalid(String message) {
		return new PolicyException(PolicyErrorCode.POLICY_IMPORT_ARTIFACT_INVALID, message);
	}
}
