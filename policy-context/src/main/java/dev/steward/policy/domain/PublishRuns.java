package dev.steward.policy.domain;

import dev.steward.policy.PublishRunView;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The stored publish runs, each with its manifest exactly as it was frozen. */
public interface PublishRuns {

	/** Stores the manifest of a run in the current transaction and reads the run back. */
	PublishRunView add(PublishManifest manifest, String actor);

	Optional<PublishRunView> find(long publishRunId);

	/**
	 * Up to {@code limit} runs of a world, newest first, below {@code beforeId} when given; of one client profile
	 * when given, of all otherwise.
	 */
	List<PublishRunView> list(String worldId, @Nullable String clientProfile, @Nullable Long beforeId, int limit);
}
