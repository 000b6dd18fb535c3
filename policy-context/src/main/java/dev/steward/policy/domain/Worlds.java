package dev.steward.policy.domain;

import dev.steward.policy.WorldId;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;

/** The worlds there are. */
public interface Worlds extends Repository<World, WorldId> {

	World save(World world);

	Optional<World> findById(WorldId id);
}
