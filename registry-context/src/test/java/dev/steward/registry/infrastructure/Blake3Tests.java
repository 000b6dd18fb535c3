package dev.steward.registry.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.steward.kernel.Digests;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both BLAKE3 implementations against commons-codec's, an independent one, and against each other. */
class Blake3Tests {

	@Test
	void theNativeImplementationLoadsOnLinuxX8664() {
		boolean linuxX8664 = System.getProperty("os.name").toLowerCase().contains("linux")
				&& System.getProperty("os.arch").matches("amd64|x86_64");
		assumeTrue(linuxX8664, "the library is checked on Linux x86-64, where Steward's CI runs");

		assertThat(Blake3.NATIVE).as("the native BLAKE3 loads where its library is built for").isTrue();
	}

	@Test
	void theEmptyInputHasBlake3sPublishedDigest() {
		String empty = "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262";
		assertThat(Digests.hex(new Blake3(true).finish())).isEqualTo(empty);
		assertThat(Digests.hex(new Blake3(false).finish())).isEqualTo(empty);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 63, 64, 65, 1023, 1024, 1025, 2048, 3 * 1024 + 5, 65_536, 65_537, 1_048_576 + 13,
			4 * 1_048_576 + 1 })
	void bothImplementationsAgreeWithAnIndependentOneAtChunkAndBlockBoundaries(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		String expected = Digests.hex(org.apache.commons.codec.digest.Blake3.hash(bytes));

		assertThat(Digests.hex(hashInPieces(new Blake3(true), bytes, new Random(7)))).isEqualTo(expected);
		assertThat(Digests.hex(hashInPieces(new Blake3(false), bytes, new Random(7)))).isEqualTo(expected);
		assertThat(Digests.hex(Blake3.hash(bytes))).isEqualTo(expected);
	}

	@Test
	void aRangeInsideAnArrayIsHashedAsItself() {
		byte[] bytes = new byte[5000];
		new Random(3).nextBytes(bytes);
		byte[] range = java.util.Arrays.copyOfRange(bytes, 17, 17 + 3000);
		String expected = Digests.hex(org.apache.commons.codec.digest.Blake3.hash(range));
		for (boolean preferNative : new boolean[] { true, false }) {
			try (Blake3 blake3 = new Blake3(preferNative)) {
				blake3.update(bytes, 17, 3000);
				assertThat(Digests.hex(blake3.finish())).isEqualTo(expected);
			}
		}
	}

	@Test
	void aHasherStartsOverAfterItsDigest() {
		byte[] abc = "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		String expected = Digests.hex(org.apache.commons.codec.digest.Blake3.hash(abc));
		for (boolean preferNative : new boolean[] { true, false }) {
			try (Blake3 blake3 = new Blake3(preferNative)) {
				blake3.update(new byte[100], 0, 100);
				blake3.finish();
				blake3.update(abc, 0, abc.length);
				assertThat(Digests.hex(blake3.finish())).isEqualTo(expected);
			}
		}
	}

	@Test
	void aRangeOutsideTheArrayIsRefusedBeforeAnythingIsRead() {
		for (boolean preferNative : new boolean[] { true, false }) {
			try (Blake3 blake3 = new Blake3(preferNative)) {
				assertThatExceptionOfType(IndexOutOfBoundsException.class)
					.isThrownBy(() -> blake3.update(new byte[10], 0, 11));
				assertThatExceptionOfType(IndexOutOfBoundsException.class)
					.isThrownBy(() -> blake3.update(new byte[10], 5, 6));
			}
		}
	}

	private static byte[] hashInPieces(Blake3 blake3, byte[] bytes, Random random) {
		try (blake3) {
			int offset = 0;
			while (offset < bytes.length) {
				int piece = Math.min(bytes.length - offset, 1 + random.nextInt(70_000));
				byte[] copy = java.util.Arrays.copyOfRange(bytes, offset, offset + piece);
				blake3.update(copy, 0, piece);
				offset += piece;
			}
			return blake3.finish();
		}
	}
}
