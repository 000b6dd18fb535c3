package dev.steward.policy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One entry of the policy event log, its payload decoded from canonical CBOR. */
public record PolicyLogEntry(long sequence, UUID eventId, String type, String subjectKind, String subjectId,
		String actor, Map<String, Object> payload, String payloadDigest, Instant createdAt) {
}
