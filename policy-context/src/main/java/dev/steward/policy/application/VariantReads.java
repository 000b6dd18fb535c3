package dev.steward.policy.application;

import dev.steward.policy.PolicyFacade.PolicyFilter;
import dev.steward.policy.PolicyId;
import dev.steward.policy.domain.StoredVariant;
import dev.steward.policy.PolicyFacade.VariantKey;
import java.util.Collection;
import java.util.List;
import dev.steward.policy.domain.VariantLookup;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The stored variants of every policy, as views. */
public interface VariantReads extends VariantLookup {

	Optional<StoredVariant> find(PolicyId id, String variant);

	/** The stored variants among the given keys, in one query. */
	List<StoredVariant> findAll(Collection<VariantKey> keys);

	/** The variant with the highest policy version (the newest on a tie). */
	Optional<StoredVariant> latest(PolicyId id);

	/** Up to {@code limit} variants after {@code after}, in listing order. */
	List<StoredVariant> list(PolicyFilter filter, @Nullable ListPosition after, int limit);

	/** Where a listing stands: the sort key of the last variant seen. */
	record ListPosition(String policyType, String namespace, String policyKey, int policyVersion, String variant) {
	}
}
