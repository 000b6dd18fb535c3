package dev.steward.policy.infrastructure;

import dev.steward.policy.WorldId;
import dev.steward.policy.domain.World;
import dev.steward.policy.domain.Worlds;
import org.springframework.data.repository.CrudRepository;

interface JdbcWorlds extends Worlds, CrudRepository<World, WorldId> {
}
