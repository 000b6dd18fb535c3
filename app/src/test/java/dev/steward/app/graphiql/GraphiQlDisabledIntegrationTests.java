package dev.steward.app.graphiql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Shares its settings, and so its application, with {@code IntrospectionOffIntegrationTests}. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"steward.security.bootstrap-token=test-bootstrap-token", "steward.graphql.introspection=false",
		"steward.graphql.graphiql-enabled=false" })
class GraphiQlDisabledIntegrationTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void answersNotFoundWhenSwitchedOff() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + GraphiQlPage.PATH))
			.header("Authorization", "Bearer test-bootstrap-token")
			.build();

		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(404);
	}
}
