package dev.steward.policy.domain;

import dev.steward.policy.PolicyId;
import java.util.HashSet;
import java.util.Set;

/** A {@link VariantLookup} that knows the variants it was told about. */
class KnownVariants implements VariantLookup {

	private final Set<String> known = new HashSet<>();

	KnownVariants with(PolicyId id, String variant) {
		known.add(id.value() + "@" + variant);
		return this;
	}

	@Override
	public boolean exists(PolicyId id, String variant) {
		return known.contains(id.value() + "@" + variant);
	}
}
