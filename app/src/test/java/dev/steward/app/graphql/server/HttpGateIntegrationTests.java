package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's mistakes over HTTP get a 4xx with a GraphQL-shaped error and a code, never a 5xx: whatever the body,
 * content type, method or path under the endpoint; and text that no field may hold is refused before any resolver.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HttpGateIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String TOKEN = GraphQlHttp.ADMIN_TOKEN;

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@ParameterizedTest // GH-9
	@ValueSource(strings = { "null", "[]", "\"query\"", "42", "{}", "{\"query\":null}", "{\"query\":7}",
			"{\"query\":\"\"}", "{\"query\":\"{ me { name } }\",\"variables\":[]}",
			"{\"query\":\"{ me { name } }\",\"variables\":\"x\"}", "{\"query\":\"{ me { name } }\",\"extensions\":1}",
			"{\"query\":\"{ me { name } }\",\"operationName\":{}}", "{\"query\":", "not json", "" })
	void refusesABodyThatIsNotAGraphQlRequestWith400(String body) {
		Answer answer = send("POST", "/graphql", "application/json", body.getBytes(StandardCharsets.UTF_8));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("BAD_REQUEST");
	}

	@ParameterizedTest // GH-9
	@ValueSource(strings = { "*/*", "application/*", "text/plain", "application/xml", "application/x-www-form-urlencoded",
			"multipart/form-data; boundary=x", "application/json; charset=latin1", "no media type", "" })
	void refusesAnyContentTypeButJsonWith415(String contentType) {
		Answer answer = send("POST", "/graphql", contentType.isEmpty() ? null : contentType,
				"{\"query\":\"{ me { name } }\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
	}

	@Test // GH-9
	void servesAJsonRequestWithAnyCharsetSpellingOfUtf8() {
		Answer answer = send("POST", "/graphql", "application/json; charset=UTF-8",
				"{\"query\":\"{ me { name } }\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().path("data").path("me").path("name").asString()).isEqualTo("bootstrap");
	}

	@ParameterizedTest // GH-9
	@ValueSource(strings = { "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE" })
	void refusesOtherMethodsWith405(String method) {
		Answer answer = send(method, "/graphql", "application/json", "{}".getBytes(StandardCharsets.UTF_8));

		assertThat(answer.status()).isEqualTo(405);
		if (!method.equals("TRACE")) {
			assertThat(answer.code()).isEqualTo("METHOD_NOT_ALLOWED");
		}
	}

	@ParameterizedTest // GH-9
	@ValueSource(strings = { "/graphql/", "/graphql/schema", "/graphql/x/y", "/graphql/%2e%2e", "/graphql/%00" })
	void answersPathsUnderTheEndpointWith404(String path) {
		Answer get = send("GET", path, null, null);
		Answer post = send("POST", path, "application/json", "{\"query\":\"{ me { name } }\"}".getBytes());

		assertThat(get.status()).isBetween(400, 404);
		assertThat(post.status()).isBetween(400, 404);
		assertThat(post.body()).contains("\"code\"");
	}

	@ParameterizedTest // GH-9
	@ValueSource(strings = { "GET", "POST", "PUT", "DELETE" })
	void errorIsNotAnEndpoint(String method) {
		Answer answer = send(method, "/error", "application/json", "null".getBytes());

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.code()).isEqualTo("NOT_FOUND");
	}

	@Test // GH-9
	void answersARequestWithoutATokenWith401AndACode() {
		Answer answer = sendWithToken(null, "POST", "/graphql", "application/json", "null".getBytes());

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.code()).isEqualTo("UNAUTHENTICATED");
	}

	@Test // GH-9
	void refusesABodyThatIsNotUtf8() {
		byte[] overlongSlash = { '{', '"', 'q', 'u', 'e', 'r', 'y', '"', ':', '"', '{', ' ', 'm', 'e', (byte) 0xC0,
				(byte) 0xAF, '}', '"', '}' };

		Answer answer = send("POST", "/graphql", "application/json", overlongSlash);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("INVALID_ARGUMENT");
	}

	@Test // GH-9
	void refusesAQueryStringThatIsNotUtf8(CapturedOutput output) {
		Answer answer = send("GET", "/graphql?query=%C0%AF%7B%20me%20%7B%20name%20%7D%20%7D", null, null);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("INVALID_ARGUMENT");
		assertThat(output.getOut()).doesNotContain(" ERROR ");
	}

	@Test // GH-9
	void refusesABodyLargerThanTheLimit() {
		byte[] body = ("{\"query\":\"{ me { name } }\",\"variables\":{\"x\":\"" + "x".repeat(4 << 20) + "\"}}")
			.getBytes();

		Answer answer = send("POST", "/graphql", "application/json", body);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.code()).isEqualTo("REQUEST_TOO_LARGE");
	}

	@ParameterizedTest // GH-9
	@ValueSource(strings = { "\\u0000", "a\\u0000b", "\\ud800", "x\\udc00", "\\ud800\\ud800" })
	void refusesANulOrALoneSurrogateInAVariableBeforeAnyResolver(String text, CapturedOutput output) {
		String id = "text-guard-" + java.util.UUID.randomUUID();
		String body = "{\"query\":\"mutation($id: ID!, $name: String!) { createWorld(input: {id: $id, name: $name}) { world { id } } }\","
				+ "\"variables\":{\"id\":\"" + id + "\",\"name\":\"" + text + "\"}}";
		int logged = output.getOut().length();

		Answer answer = send("POST", "/graphql", "application/json", body.getBytes(StandardCharsets.UTF_8));
		Answer world = post("query($id: ID!) { world(id: $id) { id } }", Map.of("id", id));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("INVALID_ARGUMENT");
		assertThat(world.json().path("data").path("world").isNull()).isTrue();
		String log = output.getOut().substring(logged);
		assertThat(log.lines().filter(line -> line.contains("Refused a GraphQL request"))).hasSize(1);
		assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
	}

	@Test // GH-9
	void refusesANulInAStringLiteralAndInANestedInputVariable() {
		Answer literal = post("mutation { createWorld(input: {id: \"nul-literal\", name: \"a\\u0000b\"}) { world { id } } }",
				Map.of());
		Answer nested = post("mutation($input: CreateWorldInput!) { createWorld(input: $input) { world { id } } }",
				Map.of("input", Map.of("id", "nul-nested", "name", "n", "config", Map.of("deep", java.util.List.of("ok", "\u0000")))));

		assertThat(literal.code()).isEqualTo("INVALID_ARGUMENT");
		assertThat(nested.code()).isEqualTo("INVALID_ARGUMENT");
		assertThat(nested.status()).isEqualTo(400);
	}

	@Test // GH-9
	void givesParseAndValidationErrorsTheirCodes() {
		Answer parse = post("{ me { name }", Map.of());
		Answer validation = post("{ me { nosuchfield } }", Map.of());

		assertThat(parse.status()).isEqualTo(400);
		assertThat(parse.code()).isEqualTo("GRAPHQL_PARSE_FAILED");
		assertThat(validation.status()).isEqualTo(400);
		assertThat(validation.code()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
	}

	@Test // GH-9
	void refusesASubscriptionOverHttp() {
		Answer answer = post("subscription { policyEvents { sequence } }", Map.of());

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("SUBSCRIPTION_NEEDS_WEBSOCKET");
	}

	private Answer post(String document, Map<String, Object> variables) {
		byte[] body = JSON.writeValueAsBytes(Map.of("query", document, "variables", variables));
		return send("POST", "/graphql", "application/json", body);
	}

	private Answer send(String method, String path, @Nullable String contentType, byte @Nullable [] body) {
		return sendWithToken(TOKEN, method, path, contentType, body);
	}

	private Answer sendWithToken(@Nullable String token, String method, String path, @Nullable String contentType,
			byte @Nullable [] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, String body) {

		JsonNode json() {
			return body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
		}

		String code() {
			return json().path("errors").path(0).path("extensions").path("code").asString("");
		}
	}
}
