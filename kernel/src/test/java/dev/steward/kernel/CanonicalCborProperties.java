package dev.steward.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Properties of the canonical encoding over random JSON values. */
class CanonicalCborProperties {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** How request variables arrive: numbers with a fraction or exponent read exactly, as Steward reads them. */
	private static final JsonMapper VARIABLES = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/** How a GraphQL document's inline literals arrive: every number as a BigInteger or BigDecimal. */
	private static final JsonMapper LITERALS = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	@Property(tries = 500)
	void decodingGivesBackTheValue(@ForAll("json") Object value) {
		byte[] encoded = CanonicalCbor.encode(value);

		assertThat(CanonicalCbor.decode(encoded)).isEqualTo(CanonicalCbor.normalize(value));
		assertThat(CanonicalCbor.isDeterministic(encoded)).isTrue();
	}

	@Property(tries = 300)
	void theOrderOfMapEntriesNeverChangesTheBytes(@ForAll("json") Object value, @ForAll long seed) {
		Object shuffled = shuffle(value, new Random(seed));

		assertThat(CanonicalCbor.encode(shuffled)).isEqualTo(CanonicalCbor.encode(value));
	}

	@Property(tries = 300)
	void theRouteAJsonValueTakesNeverChangesTheBytes(@ForAll("json") Object value) {
		String text = JSON.writeValueAsString(value);
		Object asVariables = VARIABLES.readValue(text, Object.class);
		Object asLiterals = LITERALS.readValue(text, Object.class);

		assertThat(CanonicalCbor.encode(asLiterals)).isEqualTo(CanonicalCbor.encode(asVariables));
	}

	@Property(tries = 300)
	void anIndependentDecoderReadsTheSameValue(@ForAll("json") Object value) {
		byte[] encoded = CanonicalCbor.encode(value);

		CBORObject independent = CBORObject.DecodeFromBytes(encoded);
		Object reread = JSON.readValue(independent.ToJSONString(), Object.class);

		assertThat(CanonicalCbor.normalize(reread)).isEqualTo(CanonicalCbor.decode(encoded));
	}

	@Provide
	Arbitrary<Object> json() {
		return Arbitraries.recursive(this::leaf, this::container, 0, 4);
	}

	private Arbitrary<Object> leaf() {
		return Arbitraries.oneOf(
				Arbitraries.strings().ofMaxLength(40).map(s -> (Object) s),
				Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(6).map(s -> (Object) s),
				Arbitraries.longs().map(n -> (Object) n),
				Arbitraries.integers().between(-30, 300).map(n -> (Object) n),
				Arbitraries.doubles().map(d -> (Object) d),
				Arbitraries.of(0.5, 1.5, -4.1, 1.1, 65504.0, 1e300, 5.960464477539063e-8, 3.4028234663852886e38)
					.map(d -> (Object) d),
				Arbitraries.of(true, false).map(b -> (Object) b),
				Arbitraries.just(null));
	}

	private Arbitrary<Object> container(Arbitrary<Object> element) {
		return Arbitraries.oneOf(element.list().ofMaxSize(5).map(list -> (Object) list),
				Arbitraries.maps(Arbitraries.strings().ofMaxLength(8), element)
					.ofMaxSize(5)
					.map(map -> (Object) new LinkedHashMap<>(map)));
	}

	private static Object shuffle(Object value, Random random) {
		if (value instanceof Map<?, ?> map) {
			List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
			Collections.shuffle(entries, random);
			Map<Object, Object> shuffled = new LinkedHashMap<>();
			entries.forEach(entry -> shuffled.put(entry.getKey(), shuffle(entry.getValue(), random)));
			return shuffled;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(item -> shuffle(item, random)).toList();
		}
		return value;
	}
}
