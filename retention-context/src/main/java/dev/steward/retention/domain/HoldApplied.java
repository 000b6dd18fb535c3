package dev.steward.retention.domain;

import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionEvents;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A named hold was applied to a subject. */
public record HoldApplied(SubjectRef subject, UUID holdId, String reason, Instant appliedAt, String actor) implements LoggedRetentionEvent {

	@Override
	public String type() {
		return RetentionEvents.HOLD_APPLIED;
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
		payload.put("applied_at", LoggedRetentionEvent.iso(appliedAt));
		return payload;
	}
}
