package dev.steward.app.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page and everything it loads come from Steward itself, without a token. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "steward.security.bootstrap-token=test-bootstrap-token")
class GraphiQlIntegrationTests {

	static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

	/** A URL with a scheme ({@code https://cdn…}) or a scheme-relative one ({@code "//cdn…}). */
	static final Pattern ABSOLUTE_URL = Pattern.compile("\\b[a-z][a-z0-9+.-]*://|[\"'(]//", Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void servesThePageWithoutAToken() throws Exception {
		HttpResponse<String> page = get(GraphiQlPage.PATH);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("<div id=\"graphiql\">");
	}

	@Test
	void servesEveryAssetThePageLoadsWithoutAToken() throws Exception {
		List<String> assets = assetsOf(get(GraphiQlPage.PATH).body());

		assertThat(assets).hasSize(5).contains(GraphiQlPage.SCRIPT_PATH);
		for (String asset : assets) {
			HttpResponse<String> response = get(asset);
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			if (asset.endsWith(".css")) {
				assertThat(response.body()).as(asset).doesNotContainPattern("url\\(['\"]?(https?:)?//").doesNotContain("@import");
			}
		}
	}

	@Test
	void pointsNowhereButAtSteward() throws Exception {
		String page = get(GraphiQlPage.PATH).body();
		String script = get(GraphiQlPage.SCRIPT_PATH).body();

		assertThat(assetsOf(page)).allSatisfy(asset -> assertThat(asset).startsWith("/").doesNotStartWith("//"));
		assertThat(page).doesNotContainPattern(ABSOLUTE_URL);
		assertThat(script).doesNotContainPattern(ABSOLUTE_URL).contains("new URL('/graphql', window.location.href)");
	}

	@Test
	void offersTheBearerTokenHintInTheHeadersEditor() throws Exception {
		String script = get(GraphiQlPage.SCRIPT_PATH).body();

		assertThat(script).contains("Authorization: 'Bearer <your token>'").contains("subscriptionUrl");
	}

	private List<String> assetsOf(String page) {
		Matcher matcher = ASSET.matcher(page);
		return matcher.results().map(result -> result.group(1)).toList();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
