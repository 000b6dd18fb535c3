package dev.steward.policy.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalCborTests {

	@Test
	void encodesTheSameMapInAnyInsertionOrderToTheSameBytes() {
		Map<String, Object> first = new LinkedHashMap<>();
		first.put("name", "Pipeworks");
		first.put("a", 1);
		first.put("config", Map.of("zz", true, "b", List.of(1, 2)));
		Map<String, Object> second = new LinkedHashMap<>();
		second.put("config", Map.of("b", List.of(1, 2), "zz", true));
		second.put("a", 1);
		second.put("name", "Pipeworks");

		byte[] one = CanonicalCbor.encode(first);
		byte[] two = CanonicalCbor.encode(second);

		assertThat(one).isEqualTo(two);
		assertThat(CanonicalCbor.sha256(one)).isEqualTo(CanonicalCbor.sha256(two)).hasSize(64);
	}

	@Test
	void sortsShorterKeysFirstAndUsesDefiniteLengths() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("bb", 1);
		payload.put("a", 2);

		byte[] cbor = CanonicalCbor.encode(payload);

		// a2 = map of 2 (definite), 61 'a' -> 02, 62 'bb' -> 01
		assertThat(HexFormat.of().formatHex(cbor)).isEqualTo("a2616102626262" + "01");
	}

	@Test
	void decodesWhatItEncodes() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("world_id", "pipeworks_web");
		payload.put("active", true);
		payload.put("config", Map.of("limits", Map.of("players", 64)));
		payload.put("gone", null);

		Map<String, Object> decoded = CanonicalCbor.decode(CanonicalCbor.encode(payload));

		assertThat(decoded).isEqualTo(payload);
	}

	@Test
	void refusesValuesThatAreNotPlainData() {
		Map<String, Object> payload = Map.of("thread", new Object());

		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalCbor.encode(payload));
	}
}
