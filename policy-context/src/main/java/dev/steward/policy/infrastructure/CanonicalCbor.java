package dev.steward.policy.infrastructure;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Deterministic CBOR (RFC 8949 §4.2.1) for event payloads: definite lengths, the shortest integer encodings, and
 * map keys in the bytewise order of their encodings (shorter keys first). The same payload always gives the same
 * bytes, so its SHA-256 digest identifies it.
 */
final class CanonicalCbor {

	private static final CBORMapper CBOR = CBORMapper.builder().build();

	private CanonicalCbor() {}

	static byte[] encode(Map<String, ?> payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator generator = CBOR.createGenerator(out)) {
			write(generator, payload);
		}
		return out.toByteArray();
	}

	static Map<String, Object> decode(byte[] cbor) {
		return CBOR.readValue(cbor, new TypeReference<LinkedHashMap<String, Object>>() {});
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void write(JsonGenerator generator, Object value) {
		switch (value) {
			case null -> generator.writeNull();
			case String text -> generator.writeString(text);
			case Boolean bool -> generator.writeBoolean(bool);
			case Integer number -> generator.writeNumber(number);
			case Long number -> generator.writeNumber(number);
			case Short number -> generator.writeNumber(number);
			case BigInteger number -> generator.writeNumber(number);
			case BigDecimal number -> generator.writeNumber(number);
			case Float number -> generator.writeNumber(number);
			case Double number -> generator.writeNumber(number);
			case Map<?, ?> map -> writeMap(generator, map);
			case Collection<?> list -> {
				generator.writeStartArray(list, list.size());
				for (Object item : list) {
					write(generator, item);
				}
				generator.writeEndArray();
			}
			default -> throw new IllegalArgumentException(
					"An event payload holds plain values only, not " + value.getClass().getName());
		}
	}

	private static void writeMap(JsonGenerator generator, Map<?, ?> map) {
		List<Map.Entry<byte[], Object>> entries = map.entrySet()
			.stream()
			.map(entry -> (Map.Entry<byte[], Object>) new AbstractMap.SimpleImmutableEntry<byte[], Object>(
					String.valueOf(entry.getKey()).getBytes(StandardCharsets.UTF_8), entry.getValue()))
			.sorted((a, b) -> a.getKey().length != b.getKey().length
					? Integer.compare(a.getKey().length, b.getKey().length)
					: Arrays.compareUnsigned(a.getKey(), b.getKey()))
			.toList();
		generator.writeStartObject(map, entries.size());
		for (Map.Entry<byte[], Object> entry : entries) {
			generator.writeName(new String(entry.getKey(), StandardCharsets.UTF_8));
			write(generator, entry.getValue());
		}
		generator.writeEndObject();
	}
}
