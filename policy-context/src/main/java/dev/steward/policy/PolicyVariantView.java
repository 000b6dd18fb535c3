package dev.steward.policy;

import dev.steward.kernel.Keyed;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A stored variant of a policy, as read back from the database. */
public record PolicyVariantView(String policyId, String policyType, String namespace, String policyKey,
		String variant, String schemaVersion, int policyVersion, String status, Map<String, Object> content,
		String contentHash, Instant updatedAt, String updatedBy, long version) implements Keyed {

	/** Variants are listed by type, namespace and key, newest policy version first, then by name. */
	@Override
	public Map<String, Object> keyset() {
		return Map.of("policy_type", policyType, "namespace", namespace, "policy_key", policyKey, "policy_version",
				policyVersion, "variant", variant);
	}


	/** The slot kinds this variant fills; see {@link #slotKinds(String, Map)}. */
	public List<String> slotKinds() {
		return slotKinds(namespace, content);
	}

	/**
	 * The slot kinds a variant fills: the strings of {@code content.slot_kinds}, stripped, without blanks and
	 * duplicates, in the order they first appear; or just the namespace when the content names none.
	 */
	public static List<String> slotKinds(String namespace, Map<String, Object> content) {
		Set<String> kinds = new LinkedHashSet<>();
		if (content.get("slot_kinds") instanceof List<?> declared) {
			for (Object kind : declared) {
				if (kind instanceof String text && !text.isBlank()) {
					kinds.add(text.strip());
				}
			}
		}
		return kinds.isEmpty() ? List.of(namespace) : List.copyOf(kinds);
	}
}
