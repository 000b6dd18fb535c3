package dev.steward.registry.infrastructure;

import dev.steward.kernel.Digests;
import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Copies a stream into a channel in fixed-size chunks while computing its BLAKE3 and SHA-256 in the same pass, so
 * that no file is ever held in memory or read twice. BLAKE3 (the slower of the two) runs on a thread of its own,
 * fed the same chunks through a small ring of buffers, while the caller's thread reads, computes SHA-256 and
 * writes: an upload holds at most {@value #BUFFERS} chunks of {@value #CHUNK} bytes.
 */
final class DigestingCopy {

	static final int CHUNK = 256 * 1024;

	static final int BUFFERS = 4;

	private DigestingCopy() {}

	/** What a copy wrote. */
	record Copied(long sizeBytes, String blake3Hex, String sha256Hex) {
	}

	private record Chunk(byte[] bytes, int length) {
	}

	private static final Chunk END = new Chunk(new byte[0], 0);

	/**
	 * @throws RegistryException {@code FILE_TOO_LARGE} as soon as more than {@code maxBytes} arrive
	 */
	static Copied copy(InputStream in, WritableByteChannel out, long maxBytes) throws IOException {
		MessageDigest sha256 = Digests.sha256();
		BlockingQueue<Chunk> toHash = new ArrayBlockingQueue<>(BUFFERS);
		BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
		for (int i = 0; i < BUFFERS; i++) {
			free.add(new byte[CHUNK]);
		}
		CompletableFuture<String> primary = new CompletableFuture<>();
		Thread hasher = Thread.ofPlatform().daemon().name("blake3-" + Thread.currentThread().getName()).start(() -> {
			Blake3 blake3 = new Blake3();
			RuntimeException failure = null;
			try {
				for (Chunk chunk = toHash.take(); chunk != END; chunk = toHash.take()) {
					if (failure == null) {
						try {
							blake3.update(chunk.bytes(), 0, chunk.length());
						}
						catch (RuntimeException ex) {
							failure = ex;
						}
					}
					// the buffer goes back even after a failure, so that the copying thread never waits for one
					free.put(chunk.bytes());
				}
				if (failure != null) {
					primary.completeExceptionally(failure);
				}
				else {
					primary.complete(Digests.hex(blake3.finish()));
				}
			}
			catch (InterruptedException ex) {
				primary.completeExceptionally(ex);
			}
		});
		boolean finished = false;
		try {
			long total = 0;
			while (true) {
				byte[] buffer = free.take();
				int read = in.readNBytes(buffer, 0, CHUNK);
				if (read <= 0) {
					break;
				}
				total += read;
				if (total > maxBytes) {
					throw new RegistryException(RegistryErrorCode.FILE_TOO_LARGE,
							"A file is at most " + maxBytes + " bytes");
				}
				sha256.update(buffer, 0, read);
				ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
				while (chunk.hasRemaining()) {
					out.write(chunk);
				}
				toHash.put(new Chunk(buffer, read));
			}
			toHash.put(END);
			finished = true;
			return new Copied(total, primary.get(), Digests.hex(sha256.digest()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while copying");
		}
		catch (ExecutionException ex) {
			throw new IOException("BLAKE3 failed", ex.getCause());
		}
		finally {
			if (!finished) {
				hasher.interrupt();
			}
		}
	}
}
