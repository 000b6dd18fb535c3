package dev.steward.policy;

/**
 * Point a scope (a world, or a client profile within it; {@code ""} is the world itself) at a variant of a
 * policy. {@code actor} is the authenticated principal.
 */
public record ActivatePolicy(String worldId, String clientProfile, String policyId, String variant, String actor) {
}
