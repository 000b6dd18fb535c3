package dev.steward.policy.domain;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.WorldId;
import java.util.List;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/** The worlds there are. */
public interface Worlds extends Repository<World, WorldId> {

	World save(World world);

	Optional<World> findById(WorldId id);

	boolean existsById(WorldId id);

	/**
	 * @throws PolicyException {@code POLICY_WORLD_NOT_FOUND} unless a world has this id (an id no world could
	 * have counts as unknown)
	 */
	default void requireExisting(String worldId) {
		boolean exists;
		try {
			exists = existsById(WorldId.of(worldId));
		}
		catch (IllegalArgumentException ex) {
			exists = false;
		}
		if (!exists) {
			throw new PolicyException(PolicyErrorCode.POLICY_WORLD_NOT_FOUND, "There is no world " + worldId);
		}
	}

	/** Up to {@code limit} worlds in id order. */
	List<World> listFirst(int limit);

	/** Up to {@code limit} worlds with an id after {@code afterId}, in id order. */
	List<World> listAfter(String afterId, int limit);
}
