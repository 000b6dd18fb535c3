package dev.steward.app;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for browser tests: Debian's {@code chromium} and {@code chromium-driver} packages. Where they are
 * missing a browser test is skipped with a message saying so, unless {@value #REQUIRE_VARIABLE} is {@code true}
 * (as CI sets it): then it fails, because a browser test that did not run has proved nothing.
 */
public final class Chromium {

	public static final Path BINARY = Path.of("/usr/bin/chromium");

	public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	public static final String REQUIRE_VARIABLE = "STEWARD_REQUIRE_BROWSER";

	private Chromium() {}

	/** Returns when the browser (and, when asked for, its driver) is installed; skips or fails the test otherwise. */
	public static void assumeInstalled(boolean withDriver) {
		assumeExecutable(withDriver ? List.of(BINARY, DRIVER) : List.of(BINARY), required());
	}

	/** Returns when every file is executable; otherwise fails the test when {@code required}, or skips it. */
	static void assumeExecutable(List<Path> files, boolean required) {
		List<Path> missing = files.stream().filter(path -> !Files.isExecutable(path)).toList();
		if (missing.isEmpty()) {
			return;
		}
		String message = "Browser test not run: " + missing + " not installed (apt-get install chromium chromium-driver)";
		if (required) {
			fail(message + ", and " + REQUIRE_VARIABLE + "=true requires browser tests to run");
		}
		assumeTrue(false, message + "; set " + REQUIRE_VARIABLE + "=true to make this a failure");
	}

	static boolean required() {
		return "true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))
				|| Boolean.getBoolean(REQUIRE_VARIABLE.toLowerCase().replace('_', '.'));
	}

	/** The flags every browser test starts Chromium with: headless, no background traffic, a fresh profile. */
	public static List<String> flags(Path profile) {
		return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
				"--user-data-dir=" + profile);
	}

	/** A Chromium driven through chromedriver, with a 1280×800 viewport. */
	public static ChromeDriver start(Path profile) {
		assumeInstalled(true);
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		options.addArguments(flags(profile));
		options.addArguments("--window-size=1280,800");
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}
}
