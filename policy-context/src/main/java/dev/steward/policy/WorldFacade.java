package dev.steward.policy;

import dev.steward.kernel.Page;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Worlds: the scopes that policies are activated in. Every change is appended to the policy event log. */
public interface WorldFacade {

	/**
	 * Creates a world and appends {@code v1.world.created}.
	 * @throws PolicyException {@code POLICY_WORLD_INVALID}, {@code POLICY_WORLD_EXISTS}
	 */
	WorldView create(CreateWorld command);

	/**
	 * Changes a world and appends {@code v1.world.updated}.
	 * @throws PolicyException {@code POLICY_WORLD_INVALID}, {@code POLICY_WORLD_NOT_FOUND}, {@code CONFLICT}
	 */
	WorldView update(UpdateWorld command);

	Optional<WorldView> find(String id);

	/** Up to {@code limit} worlds with an id after {@code afterId} (from the start when null), in id order. */
	/** Up to {@code size} worlds in id order, after the position a cursor gave. */
	Page<WorldView> list(@Nullable Map<String, ?> after, int size);
}
