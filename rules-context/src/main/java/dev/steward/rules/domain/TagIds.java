package dev.steward.rules.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Name-based (version 5, SHA-1) UUIDs for emitted tags, over the source kind, source id, rule id, rule version,
 * technique and sub-technique: a re-evaluation of the same event gives the same ids, a new rule version new ones.
 */
public final class TagIds {

	/** RFC 4122's URL namespace. */
	static final UUID NAMESPACE_URL = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

	/** The namespace of Steward's tag ids: uuid5(URL, "steward:rule_tag:v1"). */
	public static final UUID NAMESPACE = uuid5(NAMESPACE_URL, "steward:rule_tag:v1");

	private TagIds() {}

	public static UUID of(String sourceKind, String sourceId, String ruleId, int ruleVersion, String techniqueId,
			@Nullable String subTechniqueId) {
		return uuid5(NAMESPACE, String.join("|", sourceKind, sourceId, ruleId, Integer.toString(ruleVersion),
				techniqueId, subTechniqueId == null ? "" : subTechniqueId));
	}

	static UUID uuid5(UUID namespace, String name) {
		MessageDigest sha1;
		try {
			sha1 = MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		sha1.update(ByteBuffer.allocate(16)
			.putLong(namespace.getMostSignificantBits())
			.putLong(namespace.getLeastSignificantBits())
			.array());
		byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
		return new UUID(buffer.getLong(), buffer.getLong());
	}
}
