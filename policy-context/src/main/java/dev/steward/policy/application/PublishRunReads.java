package dev.steward.policy.application;

import dev.steward.policy.PublishFacade.PublishRunView;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The stored publish runs, as views. */
public interface PublishRunReads {

	Optional<PublishRunView> find(long publishRunId);

	/**
	 * Up to {@code limit} runs of a world, newest first, below {@code beforeId} when given; of one client profile
	 * when given, of all otherwise.
	 */
	List<PublishRunView> list(String worldId, @Nullable String clientProfile, @Nullable Long beforeId, int limit);
}
