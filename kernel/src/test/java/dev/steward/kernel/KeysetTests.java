package dev.steward.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeysetTests {

	@Test
	void readsTheKeysACursorCarried() {
		Keyset position = Keyset.of(Map.of("id", "earth", "sequence", 42L, "version", 3L));

		assertThat(position.text("id")).isEqualTo("earth");
		assertThat(position.number("sequence")).isEqualTo(42L);
		assertThat(position.integer("version")).isEqualTo(3);
	}

	@Test
	void startsAtTheBeginningWithoutACursor() {
		assertThat(Keyset.of(null)).isNull();
	}

	@Test
	void refusesAMissingKeyAKeyOfTheWrongKindAndANumberTooWideAsNotACursor() {
		Keyset position = Keyset.of(Map.of("id", 7L, "version", 1L + Integer.MAX_VALUE, "ratio", 1.5));

		for (Runnable read : new Runnable[] { () -> position.text("id"), () -> position.text("missing"),
				() -> position.number("ratio"), () -> position.integer("version") }) {
			assertThatExceptionOfType(CodedException.class).isThrownBy(read::run)
				.satisfies(ex -> assertThat(ex.code()).isEqualTo(KernelErrorCode.INVALID_ARGUMENT))
				.withMessage("after is not a cursor of this list");
		}
	}
}
