package dev.steward.policy;

import java.util.List;

/** Variants ordered by type, namespace, key, then policy version descending; and whether more follow. */
public record PolicyPage(List<PolicyVariantView> variants, boolean hasMore) {
}
