package dev.steward.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import dev.steward.app.RawGraphQlWebSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The roles declared on each operation hold over graphql-ws as over HTTP: the operation runs as the token the
 * connection was initialised with, and a refusal carries the same code and message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RolesOverWebSocketIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aViewerQueriesAndSubscribesOverWebSocket() throws InterruptedException {
		ApiTokens.IssuedToken viewer = issue(Role.VIEWER);
		new GraphQlHttp(port).createWorld(GraphQlHttp.ADMIN_TOKEN);

		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, viewer.secret())) {
			socket.subscribe("1", "{ me { name role } worlds(first: 1) { edges { cursor } } }", "{}");
			JsonNode answer = socket.next(WAIT);
			socket.subscribe("2", "subscription { policyEvents(after: 0) { sequence } }", "{}");
			JsonNode event = nextOf("2", socket);

			assertThat(answer.path("type").asString()).isEqualTo("next");
			assertThat(answer.path("payload").path("errors").isMissingNode()).as(answer.toString()).isTrue();
			assertThat(answer.path("payload").path("data").path("me").path("name").asString())
				.isEqualTo(viewer.token().name());
			assertThat(event.path("type").asString()).as(event.toString()).isEqualTo("next");
			assertThat(event.path("payload").path("errors").isMissingNode()).as(event.toString()).isTrue();
		}
	}

	@Test
	void aViewersMutationOverWebSocketIsForbiddenAndWritesNothing() throws InterruptedException {
		ApiTokens.IssuedToken viewer = issue(Role.VIEWER);
		String id = "ws-roles-" + UUID.randomUUID();

		JsonNode refused;
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, viewer.secret())) {
			socket.subscribe("1", "mutation($id: ID!) { createWorld(input: {id: $id, name: \"WS\"}) { world { id } } }",
					"{\"id\":\"" + id + "\"}");
			refused = socket.next(WAIT);
		}

		assertThat(refused.path("type").asString()).isEqualTo("error");
		assertThat(refused.path("payload").path(0).path("extensions").path("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(refused.path("payload").path(0).path("message").asString())
			.isEqualTo("This needs the operator role; " + viewer.token().name() + " has viewer");
		assertThat(worldExists(id)).isFalse();
	}

	@Test
	void anOperatorsAdminQueryOverWebSocketIsForbidden() throws InterruptedException {
		ApiTokens.IssuedToken operator = issue(Role.OPERATOR);

		JsonNode refused;
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, operator.secret())) {
			socket.subscribe("1", "{ apiTokens { id } }", "{}");
			refused = socket.next(WAIT);
		}

		assertThat(refused.path("payload").path(0).path("extensions").path("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(refused.path("payload").path(0).path("message").asString())
			.isEqualTo("This needs the admin role; " + operator.token().name() + " has operator");
	}

	@Test
	void anOperatorsMutationOverWebSocketRunsAsTheConnectionsToken() throws InterruptedException {
		ApiTokens.IssuedToken operator = issue(Role.OPERATOR);
		String id = "ws-roles-" + UUID.randomUUID();

		JsonNode created;
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, operator.secret())) {
			socket.subscribe("1",
					"mutation($id: ID!) { createWorld(input: {id: $id, name: \"WS\"}) { world { id createdBy } } }",
					"{\"id\":\"" + id + "\"}");
			created = socket.next(WAIT);
		}

		assertThat(created.path("payload").path("data").path("createWorld").path("world").path("createdBy").asString())
			.as(created.toString())
			.isEqualTo(operator.token().name());
		assertThat(worldExists(id)).isTrue();
	}

	@Test
	void anOperationOfATokenRevokedSinceTheConnectionOpenedClosesTheConnectionAndRunsNothing()
			throws InterruptedException {
		ApiTokens.IssuedToken operator = issue(Role.OPERATOR);
		String id = "ws-roles-" + UUID.randomUUID();

		int closeCode;
		JsonNode answer;
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, operator.secret())) {
			// revoked behind the doorbell's back, so that only the operation itself can notice
			jdbc.sql("UPDATE access.api_token SET revoked_at = now(), revoked_by = 'test' WHERE id = ?")
				.param(operator.token().id())
				.update();
			socket.subscribe("1", "mutation($id: ID!) { createWorld(input: {id: $id, name: \"WS\"}) { world { id } } }",
					"{\"id\":\"" + id + "\"}");
			closeCode = socket.closeCode(WAIT);
			answer = socket.poll(Duration.ZERO);
		}

		assertThat(closeCode).isEqualTo(4401);
		assertThat(answer).isNull();
		assertThat(worldExists(id)).isFalse();
	}

	private static JsonNode nextOf(String id, RawGraphQlWebSocket socket) throws InterruptedException {
		JsonNode message = socket.next(WAIT);
		while (!id.equals(message.path("id").asString(""))) {
			message = socket.next(WAIT);
		}
		return message;
	}

	private ApiTokens.IssuedToken issue(Role role) {
		return tokens.issue(role.code() + "-" + UUID.randomUUID(), role, "test");
	}

	private boolean worldExists(String id) {
		return jdbc.sql("SELECT count(*) FROM policy.world WHERE id = ?").param(id).query(Long.class).single() > 0;
	}
}
