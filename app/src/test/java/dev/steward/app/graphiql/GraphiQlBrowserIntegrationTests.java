package dev.steward.app.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Chromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Loads GraphiQL in headless Chromium, with its background networking off, and checks that the editor rendered.
 * Skipped where Chromium is not installed, and failed there when {@code STEWARD_REQUIRE_BROWSER=true} (as in CI).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "steward.security.bootstrap-token=test-bootstrap-token")
class GraphiQlBrowserIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void rendersTheEditorFromStewardAlone(@TempDir Path profile) throws Exception {
		Chromium.assumeInstalled(false);

		String dom = dumpDom("http://localhost:" + port + GraphiQlPage.PATH, profile);

		assertThat(dom).contains("graphiql-container")
			.doesNotContain("Loading GraphiQL")
			.contains("Bearer &lt;your token&gt;");
	}

	private static String dumpDom(String url, Path profile) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Chromium.BINARY.toString());
		command.addAll(Chromium.flags(profile));
		command.addAll(List.of("--virtual-time-budget=10000", "--dump-dom", url));
		Process chromium = new ProcessBuilder(command)
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		byte[] dom = chromium.getInputStream().readAllBytes();
		if (!chromium.waitFor(60, TimeUnit.SECONDS)) {
			chromium.destroyForcibly();
		}
		return new String(dom, StandardCharsets.UTF_8);
	}
}
