import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.alephium.blake3jni.Blake3Jni;
import org.alephium.blake3jni.Blake3LibLoader;
import org.bouncycastle.crypto.digests.Blake3Digest;

/**
 * Hash throughput over one file, read in the 256 KiB chunks Steward's upload uses: SHA-256 alone (the JDK's), BLAKE3
 * alone in the native implementation Steward uses (the official C one through JNI) and in Bouncy Castle's, its
 * fallback, then native BLAKE3 and SHA-256 together in one pass on one thread and on two threads fed from one read
 * (what an upload does). Prints MB/s per mode (best of the given rounds).
 *
 *   java -cp bcprov.jar:blake3-jni.jar HashThroughput.java <file> [rounds]
 */
public class HashThroughput {

	static final int CHUNK = 256 * 1024;

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
		long size = file.toFile().length();
		Blake3LibLoader.loadLibrary();
		String[] modes = { "sha256", "blake3", "blake3-java", "both-one-thread", "both-two-threads" };
		for (String mode : modes) {
			double best = 0;
			for (int round = 0; round < rounds; round++) {
				long started = System.nanoTime();
				run(mode, file);
				double seconds = (System.nanoTime() - started) / 1e9;
				best = Math.max(best, size / 1e6 / seconds);
			}
			System.out.printf("%s %.0f%n", mode, best);
		}
	}

	static void run(String mode, Path file) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		Blake3 blake3 = mode.equals("blake3-java") ? new JavaBlake3() : new NativeBlake3();
		if (mode.equals("both-two-threads")) {
			BlockingQueue<byte[]> toSha = new ArrayBlockingQueue<>(8);
			BlockingQueue<byte[]> toBlake = new ArrayBlockingQueue<>(8);
			byte[] end = new byte[0];
			Thread shaThread = Thread.ofPlatform().start(() -> drain(toSha, end, chunk -> sha.update(chunk)));
			Thread blakeThread = Thread.ofPlatform().start(() -> drain(toBlake, end, chunk -> blake3.update(chunk, 0, chunk.length)));
			read(file, chunk -> {
				try {
					toSha.put(chunk);
					toBlake.put(chunk);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			});
			toSha.put(end);
			toBlake.put(end);
			shaThread.join();
			blakeThread.join();
		}
		else {
			read(file, chunk -> {
				if (!mode.startsWith("blake3")) {
					sha.update(chunk);
				}
				if (!mode.equals("sha256")) {
					blake3.update(chunk, 0, chunk.length);
				}
			});
		}
		sha.digest();
		blake3.finish();
	}

	interface Blake3 {
		void update(byte[] bytes, int offset, int length);

		void finish();
	}

	static final class JavaBlake3 implements Blake3 {
		final Blake3Digest digest = new Blake3Digest(256);

		public void update(byte[] bytes, int offset, int length) {
			digest.update(bytes, offset, length);
		}

		public void finish() {
			digest.doFinal(new byte[32], 0);
		}
	}

	static final class NativeBlake3 implements Blake3 {
		final long hasher = Blake3Jni.allocate_hasher();

		NativeBlake3() {
			Blake3Jni.blake3_hasher_init(hasher);
		}

		public void update(byte[] bytes, int offset, int length) {
			Blake3Jni.blake3_hasher_update(hasher, bytes, length);
		}

		public void finish() {
			Blake3Jni.blake3_hasher_finalize(hasher, new byte[32], 32);
			Blake3Jni.delete_hasher(hasher);
		}
	}

	interface Sink {
		void accept(byte[] chunk);
	}

	static void drain(BlockingQueue<byte[]> queue, byte[] end, Sink sink) {
		try {
			for (byte[] chunk = queue.take(); chunk != end; chunk = queue.take()) {
				sink.accept(chunk);
			}
		}
		catch (InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void read(Path file, Sink sink) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			while (true) {
				ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
				while (buffer.hasRemaining() && channel.read(buffer) > 0) {
					// fill the chunk
				}
				if (buffer.position() == 0) {
					return;
				}
				byte[] chunk = buffer.position() == CHUNK ? buffer.array()
						: java.util.Arrays.copyOf(buffer.array(), buffer.position());
				sink.accept(chunk);
			}
		}
	}
}
