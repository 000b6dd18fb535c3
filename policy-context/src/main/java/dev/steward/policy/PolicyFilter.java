package dev.steward.policy;

import org.jspecify.annotations.Nullable;

/** Exact-match filters for listing policies; a null field matches everything. */
public record PolicyFilter(@Nullable String policyType, @Nullable String namespace, @Nullable String status) {

	public static PolicyFilter none() {
		return new PolicyFilter(null, null, null);
	}
}
