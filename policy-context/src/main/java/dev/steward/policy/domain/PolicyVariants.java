package dev.steward.policy.domain;

import dev.steward.policy.PolicyFilter;
import dev.steward.policy.PolicyId;
import dev.steward.policy.PolicyVariantView;
import dev.steward.policy.VariantKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The stored variants of every policy. */
public interface PolicyVariants extends VariantLookup {

	Optional<PolicyVariantView> find(PolicyId id, String variant);

	/** The stored variants among the given keys, in one query. */
	List<PolicyVariantView> findAll(Collection<VariantKey> keys);

	/** The variant with the highest policy version (the newest on a tie). */
	Optional<PolicyVariantView> latest(PolicyId id);

	/**
	 * Stores a valid variant, creating the policy's identity on first use, and reads it back. Without
	 * {@code expectedVersion} it inserts or replaces; with it, the variant must exist at that version.
	 * @return the stored variant, or empty when the expected version did not match
	 */
	Optional<PolicyVariantView> save(PolicyId id, String variant, String schemaVersion, int policyVersion,
			String status, Map<String, Object> content, String contentHash, String actor,
			@Nullable Long expectedVersion);

	/** Up to {@code limit} variants after {@code after}, in listing order. */
	List<PolicyVariantView> list(PolicyFilter filter, @Nullable ListPosition after, int limit);

	/** Where a listing stands: the sort key of the last variant seen. */
	record ListPosition(String policyType, String namespace, String policyKey, int policyVersion, String variant) {
	}
}
