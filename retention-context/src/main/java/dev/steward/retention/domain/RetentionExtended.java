package dev.steward.retention.domain;

import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionEvents;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A subject's expiry moved later; an eligible subject is no longer eligible ({@code eligibility_revoked}). */
public record RetentionExtended(SubjectRef subject, Instant previousExpiresAt, Instant newExpiresAt, String reason, boolean eligibilityRevoked, String actor) implements LoggedRetentionEvent {

	@Override
	public String type() {
		return RetentionEvents.EXTENDED;
	}

	@Override
	public String subjectId() {
		return subject.id();
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = LoggedRetentionEvent.payloadOf(subject);
		payload.put("previous_expires_at", LoggedRetentionEvent.iso(previousExpiresAt));
		payload.put("new_expires_at", LoggedRetentionEvent.iso(newExpiresAt));
		payload.put("reason", reason);
		payload.put("eligibility_revoked", eligibilityRevoked);
		return payload;
	}
}
