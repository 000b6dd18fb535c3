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
 * that no file is ever held in memory or read twice. One digest runs on a thread of its own, fed the same chunks
 * through a small ring of buffers, while the caller's thread reads, writes and computes the other: SHA-256 goes to
 * the other thread when BLAKE3 is native (it is then the slower of the two), BLAKE3 when it is not. An upload holds
 * at most {@value #BUFFERS} chunks of {@value #CHUNK} bytes and allocates nothing per chunk beyond a small record.
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

	/** One running digest. */
	private interface Hashing extends AutoCloseable {

		void update(byte[] bytes, int length);

		String hex();

		@Override
		default void close() {
		}
	}

	private static Hashing sha256() {
		MessageDigest sha256 = Digests.sha256();
		return new Hashing() {
			@Override
			public void update(byte[] bytes, int length) {
				sha256.update(bytes, 0, length);
			}

			@Override
			public String hex() {
				return Digests.hex(sha256.digest());
			}
		};
	}

	private static Hashing blake3() {
		Blake3 blake3 = new Blake3();
		return new Hashing() {
			@Override
			public void update(byte[] bytes, int length) {
				blake3.update(bytes, 0, length);
			}

			@Override
			public String hex() {
				return Digests.hex(blake3.finish());
			}

			@Override
			public void close() {
				blake3.close();
			}
		};
	}

	/**
	 * @throws RegistryException {@code FILE_TOO_LARGE} as soon as more than {@code maxBytes} arrive
	 */
	static Copied copy(InputStream in, WritableByteChannel out, long maxBytes) throws IOException {
		boolean blake3Aside = !Blake3.NATIVE;
		BlockingQueue<Chunk> toHash = new ArrayBlockingQueue<>(BUFFERS);
		BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
		for (int i = 0; i < BUFFERS; i++) {
			free.add(new byte[CHUNK]);
		}
		CompletableFuture<String> aside = new CompletableFuture<>();
		Thread hasher = Thread.ofPlatform()
			.daemon()
			.name((blake3Aside ? "blake3-" : "sha256-") + Thread.currentThread().getName())
			.start(() -> {
				RuntimeException failure = null;
				try (Hashing hashing = blake3Aside ? blake3() : sha256()) {
					for (Chunk chunk = toHash.take(); chunk != END; chunk = toHash.take()) {
						if (failure == null) {
							try {
								hashing.update(chunk.bytes(), chunk.length());
							}
							catch (RuntimeException ex) {
								failure = ex;
							}
						}
						// the buffer goes back even after a failure, so that the copying thread never waits for one
						free.put(chunk.bytes());
					}
					if (failure != null) {
						aside.completeExceptionally(failure);
					}
					else {
						aside.complete(hashing.hex());
					}
				}
				catch (InterruptedException ex) {
					aside.completeExceptionally(ex);
				}
			});
		boolean finished = false;
		try (Hashing inline = blake3Aside ? sha256() : blake3()) {
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
				// handed over first, so that the other digest runs while this thread writes and hashes
				toHash.put(new Chunk(buffer, read));
				ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, read);
				while (chunk.hasRemaining()) {
					out.write(chunk);
				}
				inline.update(buffer, read);
			}
			toHash.put(END);
			finished = true;
			String inlineHex = inline.hex();
			String asideHex = aside.get();
			return blake3Aside ? new Copied(total, asideHex, inlineHex) : new Copied(total, inlineHex, asideHex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while copying");
		}
		catch (ExecutionException ex) {
			throw new IOException((blake3Aside ? "BLAKE3" : "SHA-256") + " failed", ex.getCause());
		}
		finally {
			if (!finished) {
				hasher.interrupt();
			}
		}
	}
}
