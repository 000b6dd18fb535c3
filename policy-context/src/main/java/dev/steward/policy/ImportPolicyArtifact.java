package dev.steward.policy;

import org.jspecify.annotations.Nullable;

/**
 * Import an export artifact: {@code artifact} is its parsed JSON. It goes into the artifact's own world unless
 * {@code worldId} names another; with {@code activate}, each imported variant is then activated in that world's
 * scope for {@code clientProfile} (the artifact's client profile when null, {@code ""} for the world itself).
 * {@code actor} is the authenticated principal.
 */
public record ImportPolicyArtifact(@Nullable Object artifact, boolean activate, @Nullable String worldId,
		@Nullable String clientProfile, String actor) {
}
