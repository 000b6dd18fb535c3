package dev.steward.policy;

/**
 * Freeze the effective policies of a scope (a world, or a client profile over it; {@code ""} is the world itself)
 * into a publish run. {@code actor} is the authenticated principal.
 */
public record PublishScope(String worldId, String clientProfile, String actor) {
}
