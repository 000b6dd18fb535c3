package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import dev.steward.app.RawGraphQlWebSocket;
import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * graphql-ws by the book (graphql-transport-ws), seen from a plain WebSocket client: one test per close code, the
 * error message for a request refused before it ran, room for a document within its limit, the caps on running
 * operations, and no ERROR in the log for any of the client's mistakes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "steward.graphql.subscriptions.max-per-connection=3",
				"steward.graphql.subscriptions.max-per-token=5" })
@ExtendWith(OutputCaptureExtension.class)
class GraphQlWebSocketProtocolIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	static final String EVENTS = "subscription { policyEvents { sequence } }";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@ParameterizedTest // GH-9
	@ValueSource(strings = { "not json", "[]", "[{\"type\":\"connection_init\"}]", "42", "null", "\"ping\"", "{}",
			"{\"type\":7}", "{\"type\":\"nonsense\"}", "{\"type\":\"next\",\"id\":\"1\",\"payload\":{}}",
			"{\"type\":\"connection_ack\"}", "{\"type\":\"connection_init\",\"payload\":[1]}",
			"{\"type\":\"connection_init\",\"payload\":\"token\"}", "{\"type\":\"ping\",\"payload\":3}" })
	void closesWith4400ForAMessageThatIsNotAClientMessage(String message, CapturedOutput output) {
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.connect(port)) {
			socket.send(message);

			assertThat(socket.closeCode(WAIT)).isEqualTo(4400);
		}
		assertThat(output.getOut()).doesNotContain(" ERROR ");
	}

	@ParameterizedTest // GH-9
	@ValueSource(strings = { "{\"type\":\"subscribe\",\"id\":\"1\"}", "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{}}",
			"{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":5}}",
			"{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ me { name } }\"}}",
			"{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"{ me { name } }\",\"variables\":[]}}",
			"{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":\"{ me { name } }\"}", "{\"type\":\"complete\"}" })
	void closesWith4400ForASubscribeOrCompleteWithoutItsMembers(String message, CapturedOutput output)
			throws Exception {
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, GraphQlHttp.ADMIN_TOKEN)) {
			socket.send(message);

			assertThat(socket.closeCode(WAIT)).isEqualTo(4400);
		}
		assertThat(output.getOut()).doesNotContain(" ERROR ");
	}

	@Test // GH-9
	void closesWith4400ForABinaryMessage() throws Exception {
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, GraphQlHttp.ADMIN_TOKEN)) {
			socket.sendBinary("{\"type\":\"ping\"}".getBytes());

			assertThat(socket.closeCode(WAIT)).isEqualTo(4400);
		}
	}

	@Test // GH-9
	void closesWith4406WithoutTheSubprotocol() {
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.connect(port, null)) {
			assertThat(socket.closeCode(WAIT)).isEqualTo(4406);
		}
	}

	@Test // GH-9
	void closesWith4406ForTheLegacySubprotocol() {
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.connect(port, "graphql-ws")) {
			assertThat(socket.closeCode(WAIT)).isEqualTo(4406);
		}
	}

	@Test // GH-9
	void closesWith4401ForASubscribeBeforeConnectionInitAndForABadToken() {
		try (RawGraphQlWebSocket early = RawGraphQlWebSocket.connect(port);
				RawGraphQlWebSocket badToken = RawGraphQlWebSocket.connect(port)) {
			early.subscribe("1", "{ me { name } }", "{}");
			badToken.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer stw_nope\"}}");

			assertThat(early.closeCode(WAIT)).isEqualTo(4401);
			assertThat(badToken.closeCode(WAIT)).isEqualTo(4401);
		}
	}

	@Test // GH-9
	void closesWith4429ForASecondConnectionInit() throws Exception {
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, GraphQlHttp.ADMIN_TOKEN)) {
			socket.send("{\"type\":\"connection_init\",\"payload\":{}}");

			assertThat(socket.closeCode(WAIT)).isEqualTo(4429);
		}
	}

	@Test // GH-9
	void closesWith4409ForASubscribeThatReusesARunningIdWithoutLoggingAnError(CapturedOutput output)
			throws Exception {
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, GraphQlHttp.ADMIN_TOKEN)) {
			socket.subscribe("same", EVENTS, "{}");
			Thread.sleep(300);
			socket.subscribe("same", EVENTS, "{}");

			assertThat(socket.closeCode(WAIT)).isEqualTo(4409);
		}
		Thread.sleep(300);
		assertThat(output.getOut()).doesNotContain(" ERROR ");
	}

	@Test // GH-9
	void reusesTheIdOfAFinishedOperation() throws Exception {
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, GraphQlHttp.ADMIN_TOKEN)) {
			socket.subscribe("again", "{ me { name } }", "{}");
			JsonNode first = socket.next(WAIT);
			assertThat(socket.next(WAIT).path("type").asString()).isEqualTo("complete");
			socket.subscribe("again", "{ me { name } }", "{}");

			assertThat(first.path("type").asString()).isEqualTo("next");
			assertThat(socket.next(WAIT).path("payload").path("data").path("me").path("name").asString())
				.isEqualTo("bootstrap");
		}
	}

	@Test // GH-9
	void answersAValidationErrorWithAnErrorMessage() throws Exception {
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, GraphQlHttp.ADMIN_TOKEN)) {
			socket.subscribe("bad", "subscription { policyEvents { nosuchfield } }", "{}");
			JsonNode answer = socket.next(WAIT);
			socket.subscribe("unparsable", "subscription { policyEvents {", "{}");
			JsonNode parse = socket.next(WAIT);

			assertThat(answer.path("type").asString()).isEqualTo("error");
			assertThat(answer.path("id").asString()).isEqualTo("bad");
			assertThat(answer.path("payload").path(0).path("extensions").path("code").asString())
				.isEqualTo("GRAPHQL_VALIDATION_FAILED");
			assertThat(parse.path("type").asString()).isEqualTo("error");
			assertThat(parse.path("payload").path(0).path("extensions").path("code").asString())
				.isEqualTo("GRAPHQL_PARSE_FAILED");
			assertThat(socket.poll(Duration.ofMillis(300))).isNull();
			assertThat(socket.isClosed()).isFalse();
		}
	}

	@Test // GH-9
	void refusesANulInAVariableWithAnErrorMessage() throws Exception {
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, GraphQlHttp.ADMIN_TOKEN)) {
			socket.subscribe("nul", "subscription($after: Long, $x: String) { policyEvents(after: $after) { sequence } }",
					"{\"x\":\"a\\u0000b\"}");

			JsonNode answer = socket.next(WAIT);

			assertThat(answer.path("type").asString()).isEqualTo("error");
			assertThat(answer.path("payload").path(0).path("extensions").path("code").asString())
				.isEqualTo("INVALID_ARGUMENT");
		}
	}

	@Test // GH-9
	void acceptsADocumentAtTheSizeLimitWithLargeVariables() throws Exception {
		String document = GraphQlDocuments.ofSize(16384);
		String variables = "{\"padding\":\"" + "v".repeat(30_000) + "\"}";

		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, GraphQlHttp.ADMIN_TOKEN)) {
			socket.subscribe("large", document, variables);

			JsonNode answer = socket.next(WAIT);
			assertThat(answer.path("type").asString()).isEqualTo("next");
			assertThat(answer.path("payload").path("data").path("__typename").asString()).isEqualTo("Query");
		}
	}

	@Test // GH-9
	void closesWith1009ForAMessageLargerThanTheMessageLimit() throws Exception {
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, GraphQlHttp.ADMIN_TOKEN)) {
			socket.subscribe("huge", "{ me { name } }", "{\"padding\":\"" + "v".repeat(70_000) + "\"}");

			assertThat(socket.closeCode(WAIT)).isEqualTo(1009);
		}
	}

	@Test // GH-9
	void refusesAnOperationBeyondTheConnectionCapWithAnErrorAndKeepsTheConnection() throws Exception {
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, token())) {
			for (int i = 1; i <= 3; i++) {
				socket.subscribe("s" + i, EVENTS, "{}");
			}
			socket.subscribe("s4", EVENTS, "{}");
			JsonNode refusal = socket.next(WAIT);
			socket.send("{\"type\":\"complete\",\"id\":\"s1\"}");
			Thread.sleep(300);
			socket.subscribe("s5", EVENTS, "{}");

			assertThat(refusal.path("type").asString()).isEqualTo("error");
			assertThat(refusal.path("id").asString()).isEqualTo("s4");
			assertThat(refusal.path("payload").path(0).path("extensions").path("code").asString())
				.isEqualTo("TOO_MANY_SUBSCRIPTIONS");
			assertThat(socket.poll(Duration.ofMillis(500))).isNull();
			assertThat(socket.isClosed()).isFalse();
		}
	}

	@Test // GH-9
	void refusesAnOperationBeyondTheTokenCapAcrossConnections() throws Exception {
		String token = token();
		List<RawGraphQlWebSocket> sockets = new ArrayList<>();
		try {
			for (int connection = 0; connection < 2; connection++) {
				RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, token);
				sockets.add(socket);
				for (int i = 0; i < (connection == 0 ? 3 : 2); i++) {
					socket.subscribe("c" + connection + "-" + i, EVENTS, "{}");
				}
			}
			Thread.sleep(300);
			RawGraphQlWebSocket third = RawGraphQlWebSocket.initialized(port, token);
			sockets.add(third);
			third.subscribe("over", EVENTS, "{}");

			JsonNode refusal = third.next(WAIT);
			assertThat(refusal.path("type").asString()).isEqualTo("error");
			assertThat(refusal.path("payload").path(0).path("extensions").path("code").asString())
				.isEqualTo("TOO_MANY_SUBSCRIPTIONS");
			assertThat(refusal.path("payload").path(0).path("message").asString()).contains("token");
		}
		finally {
			sockets.forEach(RawGraphQlWebSocket::close);
		}
	}

	@Test // GH-9
	void closesARevokedTokensSubscriptionsWith4401WithinASecond() throws Exception {
		ApiTokens.IssuedToken issued = tokens.issue("revoked-" + UUID.randomUUID(), Role.VIEWER, "test");
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, issued.secret())) {
			socket.subscribe("live", EVENTS, "{}");
			Thread.sleep(300);

			long revokedAt = System.nanoTime();
			tokens.revoke(issued.token().id(), "test");
			int code = socket.closeCode(Duration.ofSeconds(5));
			long tookMillis = (System.nanoTime() - revokedAt) / 1_000_000;

			assertThat(code).isEqualTo(4401);
			assertThat(tookMillis).isLessThan(1000);
		}
	}

	private String token() {
		return tokens.issue("ws-" + UUID.randomUUID(), Role.VIEWER, "test").secret();
	}
}
