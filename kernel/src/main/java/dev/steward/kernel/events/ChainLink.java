package dev.steward.kernel.events;

import dev.steward.kernel.Digests;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.UUID;

/**
 * One link of a log's hash chain, computed in Java the same way the database computes it when the entry is
 * appended (see the event-log migration), so that a verification does not trust the database's own function.
 */
final class ChainLink {

	/** The "previous chain hash" of the first entry. */
	static final String GENESIS = "0".repeat(64);

	private ChainLink() {}

	static String of(String previous, long sequence, UUID eventId, String type, String subjectKind,
			String subjectId, String actor, String payloadDigest, Instant createdAt) {
		MessageDigest sha256 = Digests.sha256();
		sha256.update(Digests.unhex(previous));
		sha256.update(ByteBuffer.allocate(8).putLong(sequence).array());
		sha256.update(ByteBuffer.allocate(16)
			.putLong(eventId.getMostSignificantBits())
			.putLong(eventId.getLeastSignificantBits())
			.array());
		text(sha256, type);
		text(sha256, subjectKind);
		text(sha256, subjectId);
		text(sha256, actor);
		sha256.update(Digests.unhex(payloadDigest));
		long micros = Math.addExact(Math.multiplyExact(createdAt.getEpochSecond(), 1_000_000L),
				createdAt.getNano() / 1_000L);
		sha256.update(ByteBuffer.allocate(8).putLong(micros).array());
		return Digests.hex(sha256.digest());
	}

	static String of(String previous, LogEntry entry) {
		return of(previous, entry.sequence(), entry.eventId(), entry.type(), entry.subjectKind(), entry.subjectId(),
				entry.actor(), entry.payloadDigest(), entry.createdAt());
	}

	private static void text(MessageDigest sha256, String text) {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		sha256.update(ByteBuffer.allocate(4).putInt(utf8.length).array());
		sha256.update(utf8);
	}
}
