package dev.steward.policy.domain;

import dev.steward.policy.WorldId;
import java.util.LinkedHashMap;
import java.util.Map;

/** A world was created. */
public record WorldCreated(WorldId worldId, String name, String description, boolean active, WorldConfig config,
		String actor) implements LoggedPolicyEvent {

	@Override
	public String type() {
		return "v1.world.created";
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
		return state(worldId, name, description, active, config);
	}

	/** A world's state as both its creation and its updates record it. */
	static Map<String, Object> state(WorldId worldId, String name, String description, boolean active,
			WorldConfig config) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("world_id", worldId.value());
		payload.put("name", name);
		payload.put("description", description);
		payload.put("active", active);
		payload.put("config", config.values());
		return payload;
	}
}
