package dev.steward.policy.domain;

import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A publish run: a scope's manifest, frozen once and never changed, and who froze it. Freezing records
 * {@link PolicyPublished}, which carries the whole manifest.
 */
public final class PublishRun extends AbstractAggregateRoot<PublishRun> implements AggregateRoot<PublishRun, PublishRun.Id> {

	private final Id id;

	private final PublishManifest manifest;

	private final String actor;

	private PublishRun(Id id, PublishManifest manifest, String actor) {
		this.id = id;
		this.manifest = manifest;
		this.actor = actor;
	}

	/** Records {@code manifest} as run {@code id}. */
	public static PublishRun freeze(Id id, PublishManifest manifest, String actor) {
		PublishRun run = new PublishRun(id, manifest, actor);
		run.registerEvent(new PolicyPublished(id.value(), manifest.worldId(), manifest.clientProfile(),
				manifest.manifestHash(), manifest.itemsHash(), manifest.items().size(), manifest.toJson(), actor));
		return run;
	}

	@Override
	public Id getId() {
		return id;
	}

	public PublishManifest manifest() {
		return manifest;
	}

	public String actor() {
		return actor;
	}

	/** The run's number, given in the order runs are frozen. */
	public record Id(long value) implements Identifier {
	}
}
