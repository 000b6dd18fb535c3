package dev.steward.retention.domain;

import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionEvents;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subject's class default applied when it was created, measured from the creation's time. */
public record RetentionDefaultApplied(SubjectRef subject, String retentionClass, RetentionMode mode, DeletionStrategy deletionStrategy, @Nullable Long defaultDurationSeconds, Instant baseTime, @Nullable Instant expiresAt, String actor) implements LoggedRetentionEvent {

	@Override
	public String type() {
		return RetentionEvents.DEFAULT_APPLIED;
	}

	@Override
	public String subjectId() {
		return subject.id();
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = LoggedRetentionEvent.payloadOf(subject);
		payload.put("retention_class", retentionClass);
		payload.put("mode", mode.code());
		payload.put("deletion_strategy", deletionStrategy.code());
		payload.put("default_duration_seconds", defaultDurationSeconds);
		payload.put("base_time", LoggedRetentionEvent.iso(baseTime));
		payload.put("expires_at", LoggedRetentionEvent.iso(expiresAt));
		payload.put("eligible_for_deletion", false);
		return payload;
	}
}
