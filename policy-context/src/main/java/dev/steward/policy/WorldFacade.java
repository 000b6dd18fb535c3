package dev.steward.policy;

import dev.steward.kernel.Keyed;
import dev.steward.kernel.Page;
import java.time.Instant;
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

	/** Up to {@code size} worlds in id order, after the position a cursor gave. */
	Page<WorldView> list(@Nullable Map<String, ?> after, int size);

	/**
	 * Create a world; {@code config} is a JSON object (none is an empty one) and {@code actor} the authenticated
	 * principal.
	 */
	public record CreateWorld(String id, String name, String description, boolean active, @Nullable Object config,
			String actor) {
	}

	/**
	 * Change a world; a null field keeps its value. With an {@code expectedVersion}, the update applies only to that
	 * version of the world. {@code actor} is the authenticated principal.
	 */
	public record UpdateWorld(String id, @Nullable String name, @Nullable String description, @Nullable Boolean active,
			@Nullable Object config, @Nullable Long expectedVersion, String actor) {
	}

	/** A world as clients see it. */
	public record WorldView(String id, String name, String description, boolean active, Map<String, Object> config,
			Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) implements Keyed {

		/** Worlds are listed by id. */
		@Override
		public Map<String, Object> keyset() {
			return Map.of("id", id);
		}
	}
}
