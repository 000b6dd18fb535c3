package dev.steward.retention.domain;

import dev.steward.retention.RetentionEvents;
import dev.steward.retention.SubjectRef;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A retention class was changed; subjects that have it keep what its default gave them. */
public record RetentionClassChanged(RetentionClassCreated.State state, String actor) implements LoggedRetentionEvent {

	@Override
	public String type() {
		return RetentionEvents.CLASS_CHANGED;
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
}
