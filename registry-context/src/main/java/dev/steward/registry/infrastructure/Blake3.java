package dev.steward.registry.infrastructure;

import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.Objects;
import org.alephium.blake3jni.Blake3Jni;
import org.alephium.blake3jni.Blake3LibLoader;
import org.bouncycastle.crypto.digests.Blake3Digest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BLAKE3-256, the registry's primary digest. The official C implementation (with the SIMD code the processor
 * offers) through a JNI binding wherever its library loads (Linux and macOS on x86-64), Bouncy Castle's pure-Java
 * one elsewhere; both give the same digest, the native one about twelve times as fast. A hasher holds native memory
 * until it is closed (or collected).
 */
final class Blake3 implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Blake3.class);

	private static final Cleaner CLEANER = Cleaner.create();

	/** Whether the native implementation loaded; decided once, when the class is first used. */
	static final boolean NATIVE = loadNative();

	private final @Nullable Blake3Digest java;

	private final long hasher;

	private final Cleaner.@Nullable Cleanable release;

	/** A hasher with the fastest implementation available. */
	Blake3() {
		this(NATIVE);
	}

	/** A hasher with the native implementation when {@code preferNative} and it loaded, Bouncy Castle's otherwise. */
	Blake3(boolean preferNative) {
		if (preferNative && NATIVE) {
			long allocated = Blake3Jni.allocate_hasher();
			if (allocated == 0) {
				throw new OutOfMemoryError("no native memory for a BLAKE3 hasher");
			}
			Blake3Jni.blake3_hasher_init(allocated);
			this.hasher = allocated;
			this.java = null;
			this.release = CLEANER.register(this, () -> Blake3Jni.delete_hasher(allocated));
		}
		else {
			this.hasher = 0;
			this.java = new Blake3Digest(256);
			this.release = null;
		}
	}

	static byte[] hash(byte[] bytes) {
		try (Blake3 blake3 = new Blake3()) {
			blake3.update(bytes, 0, bytes.length);
			return blake3.finish();
		}
	}

	void update(byte[] bytes, int offset, int length) {
		Objects.checkFromIndexSize(offset, length, bytes.length);
		if (java != null) {
			java.update(bytes, offset, length);
		}
		else if (offset == 0) {
			Blake3Jni.blake3_hasher_update(hasher, bytes, length);
		}
		else {
			// the binding reads from the start of the array
			Blake3Jni.blake3_hasher_update(hasher, Arrays.copyOfRange(bytes, offset, offset + length), length);
		}
	}

	/** The 32-byte digest; the hash starts over afterwards. */
	byte[] finish() {
		byte[] out = new byte[32];
		if (java != null) {
			java.doFinal(out, 0);
		}
		else {
			Blake3Jni.blake3_hasher_finalize(hasher, out, out.length);
			Blake3Jni.blake3_hasher_init(hasher);
		}
		return out;
	}

	/** Frees the native hasher at once; the hasher must not be used afterwards. */
	@Override
	public void close() {
		if (release != null) {
			release.clean();
		}
	}

	private static boolean loadNative() {
		String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch");
		try {
			Blake3LibLoader.loadLibrary();
			long probe = Blake3Jni.allocate_hasher();
			Blake3Jni.delete_hasher(probe);
			log.info("BLAKE3: the native implementation ({})", platform);
			return true;
		}
		catch (Exception | LinkageError ex) {
			log.info("BLAKE3: Bouncy Castle's Java implementation; the native one does not load on {}: {}", platform,
					ex.toString());
			return false;
		}
	}
}
