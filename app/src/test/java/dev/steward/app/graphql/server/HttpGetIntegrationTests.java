package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import reactor.core.publisher.Mono;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GraphQL over HTTP GET, through a real HTTP client. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "steward.security.bootstrap-token=test-bootstrap-token")
class HttpGetIntegrationTests {

	static final String TOKEN = "Bearer test-bootstrap-token";

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void answersAQueryAsGraphQlResponseJson() throws Exception {
		Map<String, String> parameters = Map.of("query", "{ __typename }");

		HttpResponse<String> response = get(parameters, "*/*");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/graphql-response+json"));
		assertThat(body(response).at("/data/__typename").asString()).isEqualTo("Query");
	}

	@Test
	void answersAsJsonWhenTheClientAcceptsOnlyJson() throws Exception {
		Map<String, String> parameters = Map.of("query", "{ __typename }");

		HttpResponse<String> response = get(parameters, "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/json"));
		assertThat(body(response).at("/data/__typename").asString()).isEqualTo("Query");
	}

	@Test
	void passesVariables() throws Exception {
		Map<String, String> parameters = Map.of("query", "query Type($name: String!) { __type(name: $name) { name } }",
				"variables", "{\"name\": \"Mutation\"}");

		HttpResponse<String> response = get(parameters, null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(body(response).at("/data/__type/name").asString()).isEqualTo("Mutation");
	}

	@Test
	void runsTheQueryNamedByOperationName() throws Exception {
		Map<String, String> parameters = Map.of("query",
				"query A { a: __typename } mutation B { b: __typename }", "operationName", "A");

		HttpResponse<String> response = get(parameters, null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(body(response).at("/data/a").asString()).isEqualTo("Query");
	}

	@Test
	void refusesAMutationWithMethodNotAllowed() throws Exception {
		Map<String, String> parameters = Map.of("query", "mutation { __typename }");

		HttpResponse<String> response = get(parameters, null);

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
		assertThat(body(response).at("/errors/0/message").asString()).contains("send a mutation with POST");
	}

	@Test
	void refusesAMutationNamedByOperationName() throws Exception {
		Map<String, String> parameters = Map.of("query",
				"query A { a: __typename } mutation B { b: __typename }", "operationName", "B");

		HttpResponse<String> response = get(parameters, null);

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void refusesASubscriptionWithMethodNotAllowed() throws Exception {
		Map<String, String> parameters = Map.of("query", "subscription { policyEvents { sequence } }");

		HttpResponse<String> response = get(parameters, null);

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	@Test
	void requiresAQuery() throws Exception {
		Map<String, String> parameters = Map.of("operationName", "A");

		HttpResponse<String> response = get(parameters, null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(body(response).at("/errors/0/message").asString()).isEqualTo("The query parameter is required.");
	}

	@Test
	void rejectsVariablesThatAreNotAJsonObject() throws Exception {
		Map<String, String> parameters = Map.of("query", "{ __typename }", "variables", "[1, 2]");

		HttpResponse<String> response = get(parameters, null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(body(response).at("/errors/0/message").asString())
			.isEqualTo("The variables parameter must be a JSON object.");
	}

	@Test
	void appliesTheLimits() throws Exception {
		Map<String, String> parameters = Map.of("query", GraphQlDocuments.ofDepth(13));

		HttpResponse<String> response = get(parameters, null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(body(response).at("/errors/0/extensions/code").asString()).isEqualTo("QUERY_TOO_DEEP");
	}

	@Test
	void leavesWebSocketRequestsToGraphQlWs() {
		WebSocketGraphQlClient client = WebSocketGraphQlClient
			.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", TOKEN));
				}
			})
			.build();

		String typename = client.document("{ __typename }")
			.retrieve("__typename")
			.toEntity(String.class)
			.block(Duration.ofSeconds(10));
		client.stop().block(Duration.ofSeconds(10));

		assertThat(typename).isEqualTo("Query");
	}

	private HttpResponse<String> get(Map<String, String> parameters, String accept) throws Exception {
		String query = new LinkedHashMap<>(parameters).entrySet()
			.stream()
			.map(parameter -> parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql?" + query))
			.header("Authorization", TOKEN);
		if (accept != null) {
			request.header("Accept", accept);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}
}
