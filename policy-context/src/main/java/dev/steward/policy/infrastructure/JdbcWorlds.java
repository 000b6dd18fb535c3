package dev.steward.policy.infrastructure;

import dev.steward.policy.WorldId;
import dev.steward.policy.domain.World;
import dev.steward.policy.domain.Worlds;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface JdbcWorlds extends Worlds, CrudRepository<World, WorldId> {

	@Override
	@Query("SELECT * FROM policy.world ORDER BY id LIMIT :limit")
	List<World> listFirst(int limit);

	@Override
	@Query("SELECT * FROM policy.world WHERE id > :afterId ORDER BY id LIMIT :limit")
	List<World> listAfter(String afterId, int limit);
}
