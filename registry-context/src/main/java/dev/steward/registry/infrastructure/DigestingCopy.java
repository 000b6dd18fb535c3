package dev.steward.registry.infrastructure;

import dev.steward.kernel.Digests;
import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import org.apache.commons.codec.digest.Blake3;

/**
 * Copies a stream into a channel in fixed-size chunks while computing its BLAKE3 and SHA-256 in the same pass, so
 * that no file is ever held in memory or read twice.
 */
final class DigestingCopy {

	static final int CHUNK = 256 * 1024;

	private DigestingCopy() {}

	/** What a copy wrote. */
	record Copied(long sizeBytes, String blake3Hex, String sha256Hex) {
	}

	/**
	 * @throws RegistryException {@code FILE_TOO_LARGE} as soon as more than {@code maxBytes} arrive
	 */
	static Copied copy(InputStream in, WritableByteChannel out, long maxBytes) throws IOException {
		Blake3 blake3 = Blake3.initHash();
		MessageDigest sha256 = Digests.sha256();
		byte[] buffer = new byte[CHUNK];
		long total = 0;
		for (int read = in.readNBytes(buffer, 0, CHUNK); read > 0; read = in.readNBytes(buffer, 0, CHUNK)) {
			total += read;
			if (total > maxBytes) {
				throw new RegistryException(RegistryErrorCode.FILE_TOO_LARGE,
						"A file is at most " + maxBytes + " bytes");
			}
			blake3.update(buffer, 0, read);
			sha256.update(buffer, 0, read);
			ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
			while (chunk.hasRemaining()) {
				out.write(chunk);
			}
		}
		byte[] primary = new byte[32];
		blake3.doFinalize(primary);
		return new Copied(total, Digests.hex(primary), Digests.hex(sha256.digest()));
	}
}
