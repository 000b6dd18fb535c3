package dev.steward.policy.domain;

import dev.steward.policy.WorldId;
import java.time.Instant;
import org.jmolecules.ddd.types.AggregateRoot;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A world: the top-level scope that policies are activated in. Its id never changes; its name, description,
 * active flag and configuration do, and every change records who made it.
 */
@Table(schema = "policy", name = "world")
public class World extends AbstractAggregateRoot<World> implements AggregateRoot<World, WorldId> {

	private final @Id WorldId id;
	private String name;
	private String description;
	private boolean active;
	private WorldConfig config;
	private final Instant createdAt;
	private final String createdBy;
	private Instant updatedAt;
	private String updatedBy;
	private @Version @Nullable Long version;

	/** Creates a world; the name must not be blank. Registers {@link WorldCreated}. */
	public World(WorldId id, String name, String description, boolean active, WorldConfig config, String actor,
			Instant now) {
		this(id, requireName(name), description, active, config, now, actor, now, actor, null);
		registerEvent(new WorldCreated(id, name, description, active, config, actor));
	}

	@PersistenceCreator
	private World(WorldId id, String name, String description, boolean active, WorldConfig config,
			Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, @Nullable Long version) {
		this.id = id;
		this.name = name;
		this.description = description;
		this.active = active;
		this.config = config;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.updatedAt = updatedAt;
		this.updatedBy = updatedBy;
		this.version = version;
	}

	/**
	 * Changes what a world says about itself; the id stays. Registers {@link WorldUpdated}.
	 * @throws IllegalStateException when {@code expectedVersion} is given and is not the current version
	 */
	public void revise(String name, String description, boolean active, WorldConfig config, String actor,
			Instant now, @Nullable Long expectedVersion) {
		if (expectedVersion != null && !expectedVersion.equals(version)) {
			throw new IllegalStateException(
					"World " + id + " is at version " + version + ", not " + expectedVersion);
		}
		this.name = requireName(name);
		this.description = description;
		this.active = active;
		this.config = config;
		this.updatedAt = now;
		this.updatedBy = actor;
		registerEvent(new WorldUpdated(id, name, description, active, config, actor));
	}

	private static String requireName(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A world needs a name");
		}
		return name;
	}

	@Override
	public WorldId getId() {
		return id;
	}

	public String name() {
		return name;
	}

	public String description() {
		return description;
	}

	public boolean active() {
		return active;
	}

	public WorldConfig config() {
		return config;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public String updatedBy() {
		return updatedBy;
	}

	public @Nullable Long version() {
		return version;
	}
}
