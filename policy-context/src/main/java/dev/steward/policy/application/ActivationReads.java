package dev.steward.policy.application;

import dev.steward.policy.ActivationFacade.ActivationEventView;
import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.PolicyId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Activation pointers and history, as views. */
public interface ActivationReads {

	Optional<ActivationEventView> event(long activationEventId);

	/** The pointer of one policy in one scope. */
	Optional<ActivationView> pointer(String worldId, String clientProfile, PolicyId policyId);

	/** The newest recorded event of one policy in one scope. */
	Optional<ActivationEventView> lastEvent(String worldId, String clientProfile, PolicyId policyId);

	/** The scope's own pointers, by policy id. */
	List<ActivationView> pointers(String worldId, String clientProfile);

	/**
	 * The world's own pointers and the client profile's, read together (one snapshot), so that an overlay never
	 * mixes pointers that did not exist at the same time.
	 */
	List<ActivationView> pointersWithWorld(String worldId, String clientProfile);

	/** The scope's events in log order, of one policy when given. */
	List<ActivationEventView> events(String worldId, String clientProfile, @Nullable PolicyId policyId, long after,
			int limit);

	/** Every event of the scope in log order. */
	List<ActivationEventView> allEvents(String worldId, String clientProfile);
}
