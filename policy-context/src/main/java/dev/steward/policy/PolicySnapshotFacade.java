package dev.steward.policy;

/** Hash snapshots of the effective policies of a scope, to tell at a glance whether two states are the same. */
public interface PolicySnapshotFacade {

	/**
	 * The scope's effective activations (its client profile's pointers over the world's; the world's own when
	 * {@code clientProfile} is {@code ""}) as a hashed tree of files.
	 * @throws PolicyException {@code POLICY_WORLD_NOT_FOUND}, {@code POLICY_SCOPE_INVALID}
	 */
	PolicyHashSnapshot hashSnapshot(String worldId, String clientProfile);
}
