package dev.steward.app.graphiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Loads GraphiQL in headless Chromium, with its background networking off, and checks that the editor rendered.
 * Skipped where {@code /usr/bin/chromium} is not installed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "steward.security.bootstrap-token=test-bootstrap-token")
class GraphiQlBrowserIntegrationTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	@LocalServerPort
	int port;

	@Test
	void rendersTheEditorFromStewardAlone(@TempDir Path profile) throws Exception {
		assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM);

		String dom = dumpDom("http://localhost:" + port + GraphiQlPage.PATH, profile);

		assertThat(dom).contains("graphiql-container")
			.doesNotContain("Loading GraphiQL")
			.contains("Bearer &lt;your token&gt;");
	}

	private static String dumpDom(String url, Path profile) throws IOException, InterruptedException {
		Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", url))
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		byte[] dom = chromium.getInputStream().readAllBytes();
		if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
			chromium.destroyForcibly();
		}
		return new String(dom, StandardCharsets.UTF_8);
	}
}
