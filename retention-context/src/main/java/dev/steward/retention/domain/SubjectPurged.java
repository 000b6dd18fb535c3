package dev.steward.retention.domain;

import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionEvents;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An eligible, unheld subject was deleted by its kind by its strategy. */
public record SubjectPurged(SubjectRef subject, DeletionStrategy deletionStrategy, Instant expiresAt, String actor) implements LoggedRetentionEvent {

	@Override
	public String type() {
		return RetentionEvents.PURGED;
	}

	@Override
	public String subjectId() {
		return subject.id();
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = LoggedRetentionEvent.payloadOf(subject);
		payload.put("deletion_strategy", deletionStrategy.code());
		payload.put("expires_at", LoggedRetentionEvent.iso(expiresAt));
		return payload;
	}
}
