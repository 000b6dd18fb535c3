package dev.steward.retention.domain;

import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionEvents;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subject became eligible for deletion: its expiry passed and no hold holds it. */
public record DeletionEligible(SubjectRef subject, Instant expiresAt, String reason, String actor) implements LoggedRetentionEvent {

	@Override
	public String type() {
		return RetentionEvents.DELETION_ELIGIBLE;
	}

	@Override
	public String subjectId() {
		return subject.id();
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = LoggedRetentionEvent.payloadOf(subject);
		payload.put("expires_at", LoggedRetentionEvent.iso(expiresAt));
		payload.put("reason", reason);
		return payload;
	}
}
