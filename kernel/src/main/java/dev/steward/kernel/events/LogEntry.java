package dev.steward.kernel.events;

import dev.steward.kernel.CanonicalCbor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a context's event log, as stored: the payload's canonical CBOR bytes, their SHA-256 and the
 * entry's link in the hash chain.
 * @param context the context (and schema) whose log holds the entry
 */
public record LogEntry(String context, long sequence, UUID eventId, String type, String subjectKind,
		String subjectId, String actor, byte[] payloadCbor, String payloadDigest, String chainHash,
		Instant createdAt, @Nullable String idempotencyKey) {

	/** The payload decoded from its canonical CBOR. */
	public Map<String, Object> payload() {
		return CanonicalCbor.decodeMap(payloadCbor);
	}
}
