package dev.steward.policy.domain;

import dev.steward.policy.WorldId;
import java.util.List;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/** The worlds there are. */
public interface Worlds extends Repository<World, WorldId> {

	World save(World world);

	Optional<World> findById(WorldId id);

	boolean existsById(WorldId id);

	/** Up to {@code limit} worlds in id order. */
	List<World> listFirst(int limit);

	/** Up to {@code limit} worlds with an id after {@code afterId}, in id order. */
	List<World> listAfter(String afterId, int limit);
}
