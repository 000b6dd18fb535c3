package dev.steward.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The outcome of replaying a scope's activation events against its pointers. */
public record ActivationReplayCheck(String worldId, String clientProfile, boolean consistent, int eventCount,
		int pointerCount, List<Mismatch> mismatches) {

	/** A policy whose pointer is not what the replay gives. */
	public record Mismatch(String policyId, @Nullable String replayedVariant, @Nullable String pointerVariant) {
	}
}
