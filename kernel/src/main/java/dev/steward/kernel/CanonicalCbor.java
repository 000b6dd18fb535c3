package dev.steward.kernel;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Deterministic CBOR as RFC 8949 §4.2.1 defines it, for JSON-shaped values: maps with text keys, arrays, text,
 * numbers, booleans and null.
 * <ul>
 * <li>every length is definite and every head (integer, length) takes the fewest bytes;</li>
 * <li>map entries are in the bytewise order of their encoded keys;</li>
 * <li>no tags: a number is an integer or a float, never a bignum or a decimal fraction.</li>
 * </ul>
 * <b>The numeric model.</b> A number is its mathematical value, whatever Java type or JSON spelling it came in:
 * a whole number from -2<sup>64</sup> to 2<sup>64</sup>-1 is a CBOR integer ({@code 2}, {@code 2.0} and
 * {@code 2e0} are the same); anything else becomes the nearest IEEE 754 double, which is an integer again if it
 * is whole and in that range, and otherwise a float written in the shortest of 16, 32 or 64 bits that keeps its
 * value exactly. NaN, infinities and numbers too large or too small for a double (such as {@code 1e400} or
 * {@code 1e-400}) are refused. So one value gives the same bytes by every route, and decoding gives back that
 * value: a {@link Long} (or a {@link BigInteger} beyond it), a {@link Double}, text, {@link Boolean}, null,
 * {@link List} or {@link Map}.
 * <p>
 * Text must be valid Unicode: a lone surrogate is refused, never replaced. Encoding is hand-written because no
 * library writes every rule above (Jackson's CBOR generator writes floats in 8 bytes and long text in chunks);
 * decoding uses Jackson's CBOR parser.
 */
public final class CanonicalCbor {

	/** How deeply maps and arrays may nest. */
	public static final int MAX_DEPTH = 128;

	private static final CBORMapper CBOR = CBORMapper.builder().build();

	private static final BigInteger MIN_INTEGER = BigInteger.ONE.shiftLeft(64).negate();

	private static final BigInteger MAX_INTEGER = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

	private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

	private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

	private static final double TWO_TO_64 = 0x1p64;

	private CanonicalCbor() {}

	/**
	 * The deterministic encoding of a JSON-shaped value.
	 * @throws InvalidValueException if the value holds something outside the model (a NaN, an infinity, a number
	 * a double cannot hold, a lone surrogate, a non-text map key, another type, nesting deeper than
	 * {@value #MAX_DEPTH})
	 */
	public static byte[] encode(@Nullable Object value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		write(out, value, "$", 0);
		return out.toByteArray();
	}

	/**
	 * The value in the model that {@code value} stands for: maps keep their entries' order, numbers are
	 * {@link Long}, {@link BigInteger} (beyond a long only) or {@link Double}.
	 * @throws InvalidValueException as {@link #encode}
	 */
	public static @Nullable Object normalize(@Nullable Object value) {
		return normalize(value, "$", 0);
	}

	/**
	 * As {@link #normalize(Object)}, naming the value {@code name} in errors (e.g. {@code config} gives
	 * {@code config.limits[2]}).
	 */
	public static @Nullable Object normalize(@Nullable Object value, String name) {
		return normalize(value, name, 0);
	}

	/** Decodes CBOR into the model's values (see {@link #normalize}). */
	public static @Nullable Object decode(byte[] cbor) {
		try {
			return normalize(CBOR.readValue(cbor, Object.class));
		}
		catch (JacksonException ex) {
			throw new InvalidValueException("$", "not CBOR: " + ex.getOriginalMessage());
		}
	}

	/** Decodes CBOR that holds a map. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> decodeMap(byte[] cbor) {
		if (!(decode(cbor) instanceof Map<?, ?> map)) {
			throw new InvalidValueException("$", "not a CBOR map");
		}
		return (Map<String, Object>) map;
	}

	/** Whether the bytes are the deterministic encoding of what they hold. */
	public static boolean isDeterministic(byte[] cbor) {
		try {
			return Arrays.equals(cbor, encode(decode(cbor)));
		}
		catch (InvalidValueException ex) {
			return false;
		}
	}

	private static @Nullable Object normalize(@Nullable Object value, String path, int depth) {
		return switch (value) {
			case null -> null;
			case String text -> requireUnicode(text, path);
			case Boolean bool -> bool;
			case Number number -> normalizeNumber(number, path);
			case Map<?, ?> map -> {
				checkDepth(depth, path);
				Map<String, Object> copy = new LinkedHashMap<>();
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					if (!(entry.getKey() instanceof String key)) {
						throw new InvalidValueException(path, "a map key must be text, not " + entry.getKey());
					}
					String keyPath = path + "." + key;
					copy.put(requireUnicode(key, keyPath), normalize(entry.getValue(), keyPath, depth + 1));
				}
				yield copy;
			}
			case Collection<?> list -> {
				checkDepth(depth, path);
				List<Object> copy = new ArrayList<>(list.size());
				int index = 0;
				for (Object item : list) {
					copy.add(normalize(item, path + "[" + index++ + "]", depth + 1));
				}
				yield copy;
			}
			case Object[] array -> normalize(Arrays.asList(array), path, depth);
			default -> throw new InvalidValueException(path,
					"only maps, lists, text, numbers, booleans and null are allowed, not "
							+ value.getClass().getSimpleName());
		};
	}

	private static void checkDepth(int depth, String path) {
		if (depth >= MAX_DEPTH) {
			throw new InvalidValueException(path, "nested deeper than " + MAX_DEPTH + " levels");
		}
	}

	/** A {@link Long}, a {@link BigInteger} beyond the range of a long, or a {@link Double} that is not whole. */
	static Number normalizeNumber(Number number, String path) {
		return switch (number) {
			case Long whole -> whole;
			case Integer whole -> whole.longValue();
			case Short whole -> whole.longValue();
			case Byte whole -> whole.longValue();
			case BigInteger whole -> integerOrDouble(whole, path);
			case BigDecimal decimal -> fromDecimal(decimal, path);
			case Double real -> fromDouble(real, path);
			case Float real -> fromDouble(real.doubleValue(), path);
			default -> fromDecimal(new BigDecimal(number.toString()), path);
		};
	}

	private static Number fromDecimal(BigDecimal decimal, String path) {
		BigDecimal stripped = decimal.stripTrailingZeros();
		// a whole number of at most 20 digits may be a CBOR integer; anything longer cannot
		if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 20) {
			return integerOrDouble(stripped.toBigIntegerExact(), path);
		}
		double nearest = decimal.doubleValue();
		if (nearest == 0.0 && decimal.signum() != 0) {
			throw new InvalidValueException(path, "the number " + decimal.toString()
					+ " is too small for a double; numbers are stored as 64-bit integers or doubles");
		}
		return fromDouble(nearest, path);
	}

	private static Number integerOrDouble(BigInteger whole, String path) {
		if (whole.compareTo(MIN_INTEGER) < 0 || whole.compareTo(MAX_INTEGER) > 0) {
			return fromDouble(new BigDecimal(whole).doubleValue(), path);
		}
		return whole.compareTo(LONG_MIN) >= 0 && whole.compareTo(LONG_MAX) <= 0 ? whole.longValue() : whole;
	}

	private static Number fromDouble(double real, String path) {
		if (Double.isNaN(real) || Double.isInfinite(real)) {
			throw new InvalidValueException(path,
					"the number is too large for a double (or not a number); numbers are stored as 64-bit integers or doubles");
		}
		if (real == Math.rint(real) && real >= -TWO_TO_64 && real < TWO_TO_64) {
			if (real >= -0x1p63 && real < 0x1p63) {
				return (long) real;
			}
			return new BigDecimal(real).toBigIntegerExact();
		}
		return real;
	}

	private static String requireUnicode(String text, String path) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				throw new InvalidValueException(path, "text holds a lone surrogate at index " + i);
			}
			if (Character.isLowSurrogate(c)) {
				throw new InvalidValueException(path, "text holds a lone surrogate at index " + i);
			}
		}
		return text;
	}

	private static void write(ByteArrayOutputStream out, @Nullable Object value, String path, int depth) {
		switch (value) {
			case null -> out.write(0xf6);
			case Boolean bool -> out.write(bool ? 0xf5 : 0xf4);
			case String text -> writeText(out, text, path);
			case Number number -> writeNumber(out, normalizeNumber(number, path));
			case Map<?, ?> map -> {
				checkDepth(depth, path);
				List<byte[][]> entries = new ArrayList<>(map.size());
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					if (!(entry.getKey() instanceof String key)) {
						throw new InvalidValueException(path, "a map key must be text, not " + entry.getKey());
					}
					String keyPath = path + "." + key;
					ByteArrayOutputStream encodedKey = new ByteArrayOutputStream(key.length() + 2);
					writeText(encodedKey, key, keyPath);
					ByteArrayOutputStream encodedValue = new ByteArrayOutputStream();
					write(encodedValue, entry.getValue(), keyPath, depth + 1);
					entries.add(new byte[][] { encodedKey.toByteArray(), encodedValue.toByteArray() });
				}
				entries.sort((a, b) -> Arrays.compareUnsigned(a[0], b[0]));
				writeHead(out, 5, entries.size());
				for (byte[][] entry : entries) {
					out.writeBytes(entry[0]);
					out.writeBytes(entry[1]);
				}
			}
			case Collection<?> list -> {
				checkDepth(depth, path);
				writeHead(out, 4, list.size());
				int index = 0;
				for (Object item : list) {
					write(out, item, path + "[" + index++ + "]", depth + 1);
				}
			}
			case Object[] array -> write(out, Arrays.asList(array), path, depth);
			default -> throw new InvalidValueException(path,
					"only maps, lists, text, numbers, booleans and null are allowed, not "
							+ value.getClass().getSimpleName());
		}
	}

	private static void writeText(ByteArrayOutputStream out, String text, String path) {
		byte[] utf8 = utf8(text, path);
		writeHead(out, 3, utf8.length);
		out.writeBytes(utf8);
	}

	private static byte[] utf8(String text, String path) {
		CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			ByteBuffer bytes = encoder.encode(CharBuffer.wrap(text));
			byte[] result = new byte[bytes.remaining()];
			bytes.get(result);
			return result;
		}
		catch (CharacterCodingException ex) {
			requireUnicode(text, path);
			throw new InvalidValueException(path, "text is not valid Unicode");
		}
	}

	private static void writeNumber(ByteArrayOutputStream out, Number number) {
		switch (number) {
			case Long whole -> {
				if (whole >= 0) {
					writeHead(out, 0, whole);
				}
				else {
					writeHead(out, 1, -1 - whole);
				}
			}
			case BigInteger whole -> {
				// beyond a long: 2^63 .. 2^64-1 or -2^64 .. -2^63-1, an 8-byte head either way
				boolean negative = whole.signum() < 0;
				BigInteger magnitude = negative ? whole.negate().subtract(BigInteger.ONE) : whole;
				out.write((negative ? 1 : 0) << 5 | 27);
				byte[] raw = magnitude.toByteArray();
				byte[] eight = new byte[8];
				int copy = Math.min(8, raw.length);
				System.arraycopy(raw, raw.length - copy, eight, 8 - copy, copy);
				out.writeBytes(eight);
			}
			case Double real -> writeFloat(out, real);
			default -> throw new IllegalStateException("not a normalized number: " + number.getClass());
		}
	}

	private static void writeFloat(ByteArrayOutputStream out, double real) {
		float single = (float) real;
		if (single == real) {
			short half = Float.floatToFloat16(single);
			if (Float.float16ToFloat(half) == single) {
				out.write(0xf9);
				out.write(half >> 8 & 0xff);
				out.write(half & 0xff);
				return;
			}
			out.write(0xfa);
			writeBigEndian(out, Float.floatToIntBits(single) & 0xffffffffL, 4);
			return;
		}
		out.write(0xfb);
		writeBigEndian(out, Double.doubleToLongBits(real), 8);
	}

	/** A head of the given major type whose argument is {@code value}, read as unsigned. */
	private static void writeHead(ByteArrayOutputStream out, int majorType, long value) {
		int major = majorType << 5;
		if (value >= 0 && value < 24) {
			out.write(major | (int) value);
		}
		else if (value >= 0 && value < 0x100) {
			out.write(major | 24);
			writeBigEndian(out, value, 1);
		}
		else if (value >= 0 && value < 0x10000) {
			out.write(major | 25);
			writeBigEndian(out, value, 2);
		}
		else if (value >= 0 && value < 0x100000000L) {
			out.write(major | 26);
			writeBigEndian(out, value, 4);
		}
		else {
			out.write(major | 27);
			writeBigEndian(out, value, 8);
		}
	}

	private static void writeBigEndian(ByteArrayOutputStream out, long value, int bytes) {
		for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
			out.write((int) (value >>> shift) & 0xff);
		}
	}
}
