package dev.steward.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalCborTests {

	/** RFC 8949 Appendix A, the examples whose value the numeric model keeps as the RFC writes it. */
	static Stream<Arguments> rfc8949AppendixA() {
		return Stream.of(
				Arguments.of(0L, "00"), Arguments.of(1L, "01"), Arguments.of(10L, "0a"), Arguments.of(23L, "17"),
				Arguments.of(24L, "1818"), Arguments.of(25L, "1819"), Arguments.of(100L, "1864"),
				Arguments.of(1000L, "1903e8"), Arguments.of(1000000L, "1a000f4240"),
				Arguments.of(1000000000000L, "1b000000e8d4a51000"),
				Arguments.of(new BigInteger("18446744073709551615"), "1bffffffffffffffff"),
				Arguments.of(new BigInteger("-18446744073709551616"), "3bffffffffffffffff"),
				Arguments.of(-1L, "20"), Arguments.of(-10L, "29"), Arguments.of(-100L, "3863"),
				Arguments.of(-1000L, "3903e7"),
				Arguments.of(1.1, "fb3ff199999999999a"), Arguments.of(1.5, "f93e00"),
				Arguments.of(3.4028234663852886e+38, "fa7f7fffff"), Arguments.of(1.0e+300, "fb7e37e43c8800759c"),
				Arguments.of(5.960464477539063e-8, "f90001"), Arguments.of(0.00006103515625, "f90400"),
				Arguments.of(-4.1, "fbc010666666666666"),
				Arguments.of(false, "f4"), Arguments.of(true, "f5"), Arguments.of(null, "f6"),
				Arguments.of("", "60"), Arguments.of("a", "6161"), Arguments.of("IETF", "6449455446"),
				Arguments.of("\"\\", "62225c"), Arguments.of("\u00fc", "62c3bc"), Arguments.of("\u6c34", "63e6b0b4"),
				Arguments.of("\ud800\udd51", "64f0908591"),
				Arguments.of(List.of(), "80"), Arguments.of(List.of(1, 2, 3), "83010203"),
				Arguments.of(List.of(1, List.of(2, 3), List.of(4, 5)), "8301820203820405"),
				Arguments.of(IntStream.rangeClosed(1, 25).boxed().toList(),
						"98190102030405060708090a0b0c0d0e0f101112131415161718181819"),
				Arguments.of(Map.of(), "a0"), Arguments.of(map("a", 1, "b", List.of(2, 3)), "a26161016162820203"),
				Arguments.of(List.of("a", Map.of("b", "c")), "826161a161626163"),
				Arguments.of(map("e", "E", "d", "D", "c", "C", "b", "B", "a", "A"),
						"a56161614161626142616361436164614461656145"));
	}

	@ParameterizedTest
	@MethodSource("rfc8949AppendixA")
	void encodesTheRfcExamplesAsTheRfcDoes(Object value, String hex) {
		byte[] encoded = CanonicalCbor.encode(value);

		assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(hex);
		assertThat(CanonicalCbor.isDeterministic(encoded)).isTrue();
	}

	@ParameterizedTest
	@MethodSource("rfc8949AppendixA")
	void decodesTheRfcExamplesToTheirValue(Object value, String hex) {
		Object decoded = CanonicalCbor.decode(HexFormat.of().parseHex(hex));

		assertThat(decoded).isEqualTo(CanonicalCbor.normalize(value));
	}

	@Test
	void ordersMapKeysByTheBytesOfTheirEncoding() {
		Map<String, Object> payload = map("bb", 1, "a", 2, "\u00e9", 3, "b", 4);

		byte[] encoded = CanonicalCbor.encode(payload);

		// 61 'a', 61 'b', 62 'bb', 62 c3a9 'é': shorter encodings first, then bytewise
		assertThat(HexFormat.of().formatHex(encoded)).isEqualTo("a4" + "616102" + "616204" + "62626201" + "62c3a903");
	}

	@Test
	void writesLongTextWithOneDefiniteLength() {
		String text = "x".repeat(5000);

		byte[] encoded = CanonicalCbor.encode(text);

		assertThat(HexFormat.of().formatHex(encoded, 0, 3)).isEqualTo("791388");
		assertThat(encoded).hasSize(3 + 5000);
	}

	@Test
	void givesOneEncodingToEveryFormOfTheSameNumber() {
		List<Object> twos = List.of(2, 2L, 2.0, 2.0f, new BigDecimal("2.00"), new BigDecimal("2E0"),
				BigInteger.TWO, (short) 2);
		List<Object> oneAndAHalf = List.of(1.5, 1.5f, new BigDecimal("1.50"), new BigDecimal("15E-1"));

		assertThat(twos).allSatisfy(two -> assertThat(CanonicalCbor.encode(two)).isEqualTo(new byte[] { 0x02 }));
		assertThat(oneAndAHalf).allSatisfy(
				half -> assertThat(HexFormat.of().formatHex(CanonicalCbor.encode(half))).isEqualTo("f93e00"));
	}

	@Test
	void writesWholeNumbersBeyondSixtyFourBitsAsFloats() {
		BigInteger twoToThe64 = BigInteger.ONE.shiftLeft(64);

		byte[] encoded = CanonicalCbor.encode(twoToThe64);

		assertThat(HexFormat.of().formatHex(encoded)).isEqualTo("fa5f800000");
		assertThat(CanonicalCbor.decode(encoded)).isEqualTo(0x1p64);
	}

	@Test
	void writesNegativeZeroAsTheIntegerZero() {
		assertThat(CanonicalCbor.encode(-0.0)).isEqualTo(new byte[] { 0x00 });
	}

	@Test
	void refusesNumbersADoubleCannotHold() {
		assertThatExceptionOfType(InvalidValueException.class)
			.isThrownBy(() -> CanonicalCbor.encode(map("x", new BigDecimal("1e400"))))
			.satisfies(ex -> assertThat(ex.path()).isEqualTo("$.x"))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(KernelErrorCode.INVALID_ARGUMENT));
		assertThatExceptionOfType(InvalidValueException.class)
			.isThrownBy(() -> CanonicalCbor.encode(new BigDecimal("1e-400")));
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> CanonicalCbor.encode(Double.NaN));
		assertThatExceptionOfType(InvalidValueException.class)
			.isThrownBy(() -> CanonicalCbor.encode(Double.POSITIVE_INFINITY));
	}

	@Test
	void refusesALoneSurrogate() {
		assertThatExceptionOfType(InvalidValueException.class)
			.isThrownBy(() -> CanonicalCbor.encode(map("name", "a\ud800b")))
			.withMessageContaining("lone surrogate")
			.satisfies(ex -> assertThat(ex.path()).isEqualTo("$.name"));
		assertThatExceptionOfType(InvalidValueException.class)
			.isThrownBy(() -> CanonicalCbor.encode(map("a\udc00", 1)));
	}

	@Test
	void refusesNestingDeeperThanTheLimit() {
		Object nested = "leaf";
		for (int i = 0; i < CanonicalCbor.MAX_DEPTH + 1; i++) {
			nested = List.of(nested);
		}
		Object tooDeep = nested;

		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> CanonicalCbor.encode(tooDeep))
			.withMessageContaining("deeper");
	}

	@Test
	void refusesValuesOutsideTheJsonModel() {
		assertThatExceptionOfType(InvalidValueException.class)
			.isThrownBy(() -> CanonicalCbor.encode(map("thread", new Object())));
		Map<Object, Object> numericKey = new LinkedHashMap<>();
		numericKey.put(1, "one");
		assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> CanonicalCbor.encode(numericKey));
	}

	@Test
	void findsEncodingsThatAreNotDeterministic() {
		List<String> notDeterministic = List.of(
				"fb3ff8000000000000", // 1.5 in eight bytes
				"1817", // 23 with a one-byte argument
				"7f61616162ff", // indefinite-length text
				"9f01ff", // indefinite-length array
				"a2616201616102", // keys out of order
				"c249010000000000000000", // a bignum tag for 2^64
				"f94000"); // 2.0 as a float
		List<String> deterministic = new ArrayList<>();

		notDeterministic.stream()
			.filter(hex -> CanonicalCbor.isDeterministic(HexFormat.of().parseHex(hex)))
			.forEach(deterministic::add);

		assertThat(deterministic).isEmpty();
	}

	private static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}
}
