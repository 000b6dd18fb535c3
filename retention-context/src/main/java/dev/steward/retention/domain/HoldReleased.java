package dev.steward.retention.domain;

import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionEvents;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A hold of a subject was released. */
public record HoldReleased(SubjectRef subject, UUID holdId, String reason, String actor) implements LoggedRetentionEvent {

	@Override
	public String type() {
		return RetentionEvents.HOLD_RELEASED;
	}

	@Override
	public String subjectId() {
		return subject.id();
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = LoggedRetentionEvent.payloadOf(subject);
		payload.put("hold_id", holdId.toString());
		payload.put("reason", reason);
		return payload;
	}
}
