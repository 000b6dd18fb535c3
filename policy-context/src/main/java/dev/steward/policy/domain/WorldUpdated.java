package dev.steward.policy.domain;

import dev.steward.policy.WorldId;
import java.util.Map;

/** A world was changed; the payload holds its new name, description, active flag and configuration. */
public record WorldUpdated(WorldId worldId, String name, String description, boolean active, WorldConfig config,
		String actor) implements LoggedPolicyEvent {

	@Override
	public String type() {
		return "v1.world.updated";
	}

	@Override
	public String subjectKind() {
		return "world";
	}

	@Override
	public String subjectId() {
		return worldId.value();
	}

	@Override
	public Map<String, Object> payload() {
		return WorldCreated.state(worldId, name, description, active, config);
	}
}
