package dev.steward.policy;

import java.time.Instant;

/**
 * A pointer from a scope to a variant. In the effective overlay, {@code clientProfile} says where the pointer
 * comes from: the client profile asked for, or {@code ""} when the world's own pointer shows through.
 */
public record ActivationView(String worldId, String clientProfile, String policyId, String variant,
		Instant activatedAt, String activatedBy, long activationEventId) {
}
