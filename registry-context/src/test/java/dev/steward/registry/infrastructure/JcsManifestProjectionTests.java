package dev.steward.registry.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.kernel.CanonicalCbor;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON projection checked against the examples of RFC 8785. */
class JcsManifestProjectionTests {

	final JcsManifestProjection projection = new JcsManifestProjection();

	@Test
	void writesTheRfcsSampleInItsCanonicalForm() { // RFC 8785 §3.2.2
		Map<String, Object> sample = new LinkedHashMap<>();
		sample.put("numbers", List.of(333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001));
		sample.put("string", "\u20ac$" + (char) 0x0f + "\nA'B\"\\\\\"/");
		sample.put("literals", java.util.Arrays.asList(null, true, false));

		byte[] jcs = projection.jcs(CanonicalCbor.encode(sample));

		assertThat(new String(jcs, StandardCharsets.UTF_8)).isEqualTo(
				"{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
						+ "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
	}

	@Test
	void sortsPropertiesByTheirUtf16CodeUnits() { // RFC 8785 §3.2.3
		Map<String, Object> sample = new LinkedHashMap<>();
		sample.put("\u20ac", "Euro Sign");
		sample.put("\r", "Carriage Return");
		sample.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
		sample.put("1", "One");
		sample.put("\ud83d\ude00", "Emoji: Grinning Face");
		sample.put("\u0080", "Control");
		sample.put("\u00f6", "Latin Small Letter O With Diaeresis");

		byte[] jcs = projection.jcs(CanonicalCbor.encode(sample));

		assertThat(new String(jcs, StandardCharsets.UTF_8)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\","
				+ "\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
				+ "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
	}

	@ParameterizedTest
	@CsvSource({ "0000000000000000, 0", "8000000000000000, 0", "0000000000000001, 5e-324",
			"8000000000000001, -5e-324", "7fefffffffffffff, 1.7976931348623157e+308",
			"ffefffffffffffff, -1.7976931348623157e+308", "4340000000000000, 9007199254740992",
			"c340000000000000, -9007199254740992", "4430000000000000, 295147905179352830000",
			"44b52d02c7e14af5, 9.999999999999997e+22", "44b52d02c7e14af6, 1e+23",
			"44b52d02c7e14af7, 1.0000000000000001e+23", "444b1ae4d6e2ef4e, 999999999999999700000",
			"444b1ae4d6e2ef4f, 999999999999999900000", "444b1ae4d6e2ef50, 1e+21",
			"3eb0c6f7a0b5ed8c, 9.999999999999997e-7", "3eb0c6f7a0b5ed8d, 0.000001",
			"41b3de4355555553, 333333333.3333332", "41b3de4355555554, 333333333.33333325",
			"41b3de4355555555, 333333333.3333333", "41b3de4355555556, 333333333.3333334",
			"41b3de4355555557, 333333333.33333343", "becbf647612f3696, -0.0000033333333333333333",
			"43143ff3c1cb0959, 1424953923781206.2" })
	void writesNumbersAsEcmaScriptDoes(String ieee754, String expected) { // RFC 8785 Appendix B
		double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));

		byte[] jcs = projection.jcs(CanonicalCbor.encode(List.of(value)));

		assertThat(new String(jcs, StandardCharsets.UTF_8)).isEqualTo("[" + expected + "]");
	}
}
