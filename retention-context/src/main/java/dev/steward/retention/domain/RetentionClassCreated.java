package dev.steward.retention.domain;

import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionEvents;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A retention class was created. */
public record RetentionClassCreated(State state, String actor) implements LoggedRetentionEvent {

	@Override
	public String type() {
		return RetentionEvents.CLASS_CREATED;
	}

	@Override
	public @Nullable SubjectRef subject() {
		return null;
	}

	@Override
	public String subjectId() {
		return state.name();
	}

	@Override
	public Map<String, Object> payload() {
		return state.payload();
	}

	/** A class's values, as its creation and its changes record them. */
	public record State(String name, @Nullable Long defaultDurationSeconds, DeletionStrategy deletionStrategy,
			RetentionMode mode, String description) {

		Map<String, Object> payload() {
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("name", name);
			payload.put("default_duration_seconds", defaultDurationSeconds);
			payload.put("deletion_strategy", deletionStrategy.code());
			payload.put("mode", mode.code());
			payload.put("description", description);
			return payload;
		}
	}
}
