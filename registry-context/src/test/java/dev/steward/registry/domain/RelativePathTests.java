package dev.steward.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelativePathTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "/etc/passwd", "../up", "a/../b", "a/./b", ".", "..", "a//b", "a/", "a\\b",
			"nul\u0000byte", "tab\tname", "line\nbreak", "del\u007f", "C:/windows", "c:x" })
	void refusesPathsThatAreNotSafe(String path) {
		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> RelativePath.of(path))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(RegistryErrorCode.INVALID_RELATIVE_PATH));
	}

	@Test
	void refusesAPathLongerThanItsLimit() {
		String tooLong = "a".repeat(RelativePath.MAX_BYTES + 1);

		assertThatExceptionOfType(RegistryException.class).isThrownBy(() -> RelativePath.of(tooLong));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "docs/readme.md", ".hidden", "a..b/c", "名前/ファイル.txt", "emoji-😀.bin" })
	void takesOrdinaryPaths(String path) {
		assertThat(RelativePath.of(path).value()).isEqualTo(path);
	}

	@Test
	void normalizesToUnicodeFormC() {
		String decomposed = "cafe\u0301.txt";

		RelativePath path = RelativePath.of(decomposed);

		assertThat(path.value()).isEqualTo("caf\u00e9.txt");
	}
}
