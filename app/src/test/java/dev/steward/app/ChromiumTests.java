package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ChromiumTests {

	static final List<Path> MISSING = List.of(Path.of("/nonexistent/chromium"));

	@Test
	void failsABrowserTestWithoutChromiumWhereBrowsersAreRequired() {
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> Chromium.assumeExecutable(MISSING, true))
			.withMessageContaining("/nonexistent/chromium")
			.withMessageContaining("STEWARD_REQUIRE_BROWSER=true");
	}

	@Test
	void skipsABrowserTestWithoutChromiumOnADevelopersMachine() {
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> Chromium.assumeExecutable(MISSING, false))
			.withMessageContaining("apt-get install chromium chromium-driver");
	}

	@Test
	void letsABrowserTestRunWhereTheFilesAreThere() {
		assertThatCode(() -> Chromium.assumeExecutable(List.of(Path.of("/bin/sh")), true)).doesNotThrowAnyException();
	}
}
