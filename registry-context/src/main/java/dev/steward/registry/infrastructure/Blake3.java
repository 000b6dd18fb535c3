package dev.steward.registry.infrastructure;

import org.bouncycastle.crypto.digests.Blake3Digest;

/** BLAKE3-256, the registry's primary digest, with Bouncy Castle's implementation. */
final class Blake3 {

	private final Blake3Digest digest = new Blake3Digest(256);

	static byte[] hash(byte[] bytes) {
		Blake3 blake3 = new Blake3();
		blake3.update(bytes, 0, bytes.length);
		return blake3.finish();
	}

	void update(byte[] bytes, int offset, int length) {
		digest.update(bytes, offset, length);
	}

	/** The 32-byte digest; the hash starts over afterwards. */
	byte[] finish() {
		byte[] out = new byte[32];
		digest.doFinal(out, 0);
		return out;
	}
}
