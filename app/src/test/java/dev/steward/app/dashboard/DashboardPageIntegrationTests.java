package dev.steward.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard's files load without a token and from Steward alone; the API behind them still needs one. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DashboardPageIntegrationTests {

	static final Pattern EXTERNAL_LOAD = Pattern.compile("(src|href)\\s*=\\s*\"(https?:)?//|url\\(\\s*['\"]?(https?:)?//|import\\s*\\(");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void servesThePageAndItsAssetsWithoutATokenAndLoadsNothingFromElsewhere() throws Exception {
		HttpResponse<String> page = get(DashboardPage.PATH);
		HttpResponse<String> script = get(DashboardPage.PATH + "/dashboard.js");
		HttpResponse<String> style = get(DashboardPage.PATH + "/dashboard.css");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(DashboardPage.CONTENT_SECURITY_POLICY);
		assertThat(page.body()).contains("<main").contains("/dashboard/dashboard.js").contains("/dashboard/dashboard.css");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
		assertThat(script.body()).contains("graphql-transport-ws");
		assertThat(style.statusCode()).isEqualTo(200);
		assertThat(style.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
		for (HttpResponse<String> asset : java.util.List.of(page, script, style)) {
			assertThat(EXTERNAL_LOAD.matcher(asset.body()).find()).as(asset.uri().toString()).isFalse();
		}
	}

	@Test
	void keepsTheApiClosedToCallersWithoutAToken() {
		GraphQlHttp.Response response = new GraphQlHttp(port).post(null, "{ eventTails { context } }");

		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void listsEveryTailWithItsSubscriptionHeadAndRecentActivity() {
		GraphQlHttp api = new GraphQlHttp(port);
		api.createWorld(GraphQlHttp.ADMIN_TOKEN);

		GraphQlHttp.Response response = api.post(GraphQlHttp.ADMIN_TOKEN,
				"{ eventTails(minutes: 5) { context subscription head activity { minute events } } }");

		assertThat(response.hasErrors()).as(response.body()).isFalse();
		var policy = response.data().path("eventTails").path(0);
		assertThat(policy.path("context").asString()).isEqualTo("policy");
		assertThat(policy.path("subscription").asString()).isEqualTo("policyEvents");
		assertThat(policy.path("head").asLong()).isPositive();
		assertThat(policy.path("activity")).hasSize(5);
		assertThat(policy.path("activity").path(4).path("events").asInt()).isPositive();
	}

	@Test
	void refusesAnActivityWindowOutsideOneMinuteToADay() {
		GraphQlHttp.Response response = new GraphQlHttp(port).post(GraphQlHttp.ADMIN_TOKEN,
				"{ eventTails(minutes: 0) { context } }");

		assertThat(response.errorCode()).isEqualTo("INVALID_ARGUMENT");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
