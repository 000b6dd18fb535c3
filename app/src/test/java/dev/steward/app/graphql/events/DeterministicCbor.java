package dev.steward.app.graphql.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict reader of RFC 8949 §4.2.1 written apart from Steward's own codec: it walks the bytes and lists every
 * place where they are not the deterministic encoding (an indefinite length, a head longer than needed, map keys
 * out of bytewise order, a tag, a float that a shorter float holds, trailing bytes).
 */
final class DeterministicCbor {

	private final byte[] bytes;

	private final List<String> violations = new ArrayList<>();

	private int position;

	private DeterministicCbor(byte[] bytes) {
		this.bytes = bytes;
	}

	static List<String> violations(byte[] bytes) {
		DeterministicCbor reader = new DeterministicCbor(bytes);
		try {
			reader.item();
			if (reader.position != bytes.length) {
				reader.violations.add("trailing bytes at " + reader.position);
			}
		}
		catch (ArrayIndexOutOfBoundsException ex) {
			reader.violations.add("truncated");
		}
		return reader.violations;
	}

	private void item() {
		int start = position;
		int initial = bytes[position++] & 0xff;
		int major = initial >>> 5;
		int info = initial & 0x1f;
		if (major == 7) {
			simple(start, info);
			return;
		}
		if (info == 31) {
			violations.add("indefinite length at " + start);
			return;
		}
		long argument = argument(start, info);
		switch (major) {
			case 0, 1 -> {
			}
			case 2, 3 -> position += (int) argument;
			case 4 -> {
				for (long i = 0; i < argument; i++) {
					item();
				}
			}
			case 5 -> {
				byte[] previous = null;
				for (long i = 0; i < argument; i++) {
					int keyStart = position;
					item();
					byte[] key = Arrays.copyOfRange(bytes, keyStart, position);
					if (previous != null && Arrays.compareUnsigned(previous, key) >= 0) {
						violations.add("map key out of order at " + keyStart);
					}
					previous = key;
					item();
				}
			}
			case 6 -> violations.add("tag at " + start);
			default -> throw new IllegalStateException();
		}
	}

	private long argument(int start, int info) {
		if (info < 24) {
			return info;
		}
		int length = switch (info) {
			case 24 -> 1;
			case 25 -> 2;
			case 26 -> 4;
			case 27 -> 8;
			default -> {
				violations.add("reserved additional information at " + start);
				yield 0;
			}
		};
		long value = 0;
		for (int i = 0; i < length; i++) {
			value = value << 8 | (bytes[position++] & 0xff);
		}
		long shortestBelow = switch (length) {
			case 1 -> 24;
			case 2 -> 0x100;
			case 4 -> 0x10000;
			default -> 0x100000000L;
		};
		if (Long.compareUnsigned(value, shortestBelow) < 0) {
			violations.add("head longer than needed at " + start);
		}
		return value;
	}

	private void simple(int start, int info) {
		switch (info) {
			case 20, 21, 22 -> {
			}
			case 25 -> position += 2;
			case 26 -> {
				int bits = (int) read(4);
				float single = Float.intBitsToFloat(bits);
				if (Float.float16ToFloat(Float.floatToFloat16(single)) == single) {
					violations.add("a 4-byte float that 2 bytes hold at " + start);
				}
			}
			case 27 -> {
				double real = Double.longBitsToDouble(read(8));
				if ((float) real == real) {
					violations.add("an 8-byte float that 4 bytes hold at " + start);
				}
			}
			default -> violations.add("simple value " + info + " at " + start);
		}
	}

	private long read(int length) {
		long value = 0;
		for (int i = 0; i < length; i++) {
			value = value << 8 | (bytes[position++] & 0xff);
		}
		return value;
	}
}
