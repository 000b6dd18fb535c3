package dev.steward.policy;

/** Names one stored variant: the policy's id ({@code type:namespace:key}) and the variant's name. */
public record VariantKey(String policyId, String variant) {
}
