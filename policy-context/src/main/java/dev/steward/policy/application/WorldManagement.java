package dev.steward.policy.application;

import dev.steward.kernel.Keyset;
import dev.steward.kernel.Page;
import dev.steward.policy.WorldFacade.CreateWorld;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.WorldFacade.UpdateWorld;
import dev.steward.policy.WorldFacade;
import dev.steward.policy.WorldId;
import dev.steward.policy.WorldFacade.WorldView;
import dev.steward.policy.domain.World;
import dev.steward.policy.domain.WorldConfig;
import dev.steward.policy.domain.Worlds;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and lists worlds; each change and its log entry commit together. */
@Service
@Transactional
class WorldManagement implements WorldFacade {

	private final Worlds worlds;

	private final Clock clock;

	WorldManagement(Worlds worlds) {
		this.worlds = worlds;
		this.clock = Clock.systemUTC();
	}

	@Override
	public WorldView create(CreateWorld command) {
		World world = invalidAsPolicyError(() -> new World(WorldId.of(command.id()), command.name(),
				Objects.requireNonNullElse(command.description(), ""), command.active(),
				WorldConfig.of(Objects.requireNonNullElse(command.config(), Map.of())), command.actor(),
				clock.instant()));
		try {
			return view(worlds.save(world));
		}
		catch (DuplicateKeyException ex) {
			throw new PolicyException(PolicyErrorCode.POLICY_WORLD_EXISTS, "World " + command.id() + " exists already");
		}
	}

	@Override
	public WorldView update(UpdateWorld command) {
		WorldId id = invalidAsPolicyError(() -> WorldId.of(command.id()));
		World world = worlds.findById(id)
			.orElseThrow(() -> new PolicyException(PolicyErrorCode.POLICY_WORLD_NOT_FOUND,
					"There is no world " + command.id()));
		try {
			world.revise(Objects.requireNonNullElse(command.name(), world.name()),
					Objects.requireNonNullElse(command.description(), world.description()),
					Objects.requireNonNullElse(command.active(), world.active()),
					command.config() == null ? world.config() : WorldConfig.of(command.config()), command.actor(),
					clock.instant(), command.expectedVersion());
			return view(worlds.save(world));
		}
		catch (IllegalArgumentException ex) {
			throw new PolicyException(PolicyErrorCode.POLICY_WORLD_INVALID, ex.getMessage());
		}
		catch (IllegalStateException | OptimisticLockingFailureException ex) {
			throw new PolicyException(PolicyErrorCode.CONFLICT,
					"World " + command.id() + " was changed by someone else; read it again and retry");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<WorldView> find(String id) {
		try {
			return worlds.findById(WorldId.of(id)).map(WorldManagement::view);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Page<WorldView> list(@Nullable Map<String, ?> after, int size) {
		Page.checkSize(size);
		Keyset position = Keyset.of(after);
		List<World> read = position == null ? worlds.listFirst(size + 1)
				: worlds.listAfter(position.text("id"), size + 1);
		return Page.of(read, size, position != null).map(WorldManagement::view);
	}

	private static <T> T invalidAsPolicyError(java.util.function.Supplier<T> action) {
		try {
			return action.get();
		}
		catch (IllegalArgumentException ex) {
			throw new PolicyException(PolicyErrorCode.POLICY_WORLD_INVALID, ex.getMessage());
		}
	}

	private static WorldView view(World world) {
		return new WorldView(world.getId().value(), world.name(), world.description(), world.active(),
				world.config().values(), world.createdAt(), world.createdBy(), world.updatedAt(), world.updatedBy(),
				Objects.requireNonNull(world.version()));
	}
}
