package dev.steward.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import dev.steward.app.RawGraphQlWebSocket;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each role against a query and a mutation it may run and one it may not. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RolesIntegrationTests {

	static final String LIST_WORLDS = "{ worlds(first: 1) { pageInfo { hasNextPage } } }";

	static final String CREATE_WORLD = """
			mutation($id: ID!) { createWorld(input: {id: $id, name: "Roles"}) { world { id createdBy } } }""";

	static final String LIST_TOKENS = "{ apiTokens { id name role } }";

	static final String CREATE_TOKEN = """
			mutation { createApiToken(input: {name: "made-by-test", role: VIEWER}) { secret token { id name role createdBy } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	GraphQlHttp graphql;

	@BeforeEach
	void client() {
		graphql = new GraphQlHttp(port);
	}

	@Test
	void aViewerReadsButDoesNotWrite() {
		String viewer = token(Role.VIEWER);

		assertThat(graphql.post(viewer, LIST_WORLDS).hasErrors()).isFalse();
		assertThat(graphql.post(viewer, CREATE_WORLD, Map.of("id", anyId())).errorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void anAuthorDoesNotChangeWorlds() {
		String author = token(Role.AUTHOR);

		assertThat(graphql.post(author, LIST_WORLDS).hasErrors()).isFalse();
		Response refused = graphql.post(author, CREATE_WORLD, Map.of("id", anyId()));
		assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(refused.json().path("errors").path(0).path("extensions").path("classification").asString())
			.isEqualTo("FORBIDDEN");
	}

	@Test
	void anOperatorChangesWorldsAsItselfButDoesNotManageTokens() {
		String name = "operator-" + UUID.randomUUID();
		String operator = tokens.issue(name, Role.OPERATOR, "test").secret();

		Response created = graphql.post(operator, CREATE_WORLD, Map.of("id", anyId()));

		assertThat(created.data().path("createWorld").path("world").path("createdBy").asString()).isEqualTo(name);
		assertThat(graphql.post(operator, LIST_TOKENS).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(graphql.post(operator, CREATE_TOKEN).errorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void anAdminIssuesTokensThatWorkAtOnceAndStopWhenRevoked() {
		String admin = token(Role.ADMIN);

		Response issued = graphql.post(admin, CREATE_TOKEN);
		String secret = issued.data().path("createApiToken").path("secret").asString();
		Response me = graphql.post(secret, "{ me { name role } }");
		String id = issued.data().path("createApiToken").path("token").path("id").asString();
		Response listed = graphql.post(admin, LIST_TOKENS);
		Response revoked = graphql.post(admin, "mutation($id: ID!) { revokeApiToken(input: {id: $id}) { token { revokedBy } } }",
				Map.of("id", id));

		assertThat(secret).startsWith("stw_");
		assertThat(me.data().path("me").path("role").asString()).isEqualTo("VIEWER");
		assertThat(revoked.hasErrors()).as(revoked.body()).isFalse();
		assertThat(graphql.post(secret, "{ me { name } }").status()).isEqualTo(401);
		assertThat(listed.data().path("apiTokens").valueStream().map(token -> token.path("id").asString()))
			.contains(id);
		assertThat(listed.body()).doesNotContain(secret);
	}

	@Test
	void aRevokedTokensOpenWebSocketIsClosedAndStartsNothingNew() throws InterruptedException {
		ApiTokens.IssuedToken issued = tokens.issue("socket-" + UUID.randomUUID(), Role.VIEWER, "test");
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, issued.secret())) {
			socket.subscribe("1", "{ me { name } }", "{}");
			JsonNode before = socket.next(Duration.ofSeconds(10));

			tokens.revoke(issued.token().id(), "test");

			assertThat(before.path("payload").path("data").path("me").path("name").asString())
				.isEqualTo(issued.token().name());
			assertThat(socket.closeCode(Duration.ofSeconds(10))).isEqualTo(4401);
		}
		try (RawGraphQlWebSocket again = RawGraphQlWebSocket.connect(port)) {
			again.send("{\"type\": \"connection_init\", \"payload\": {\"Authorization\": \"Bearer " + issued.secret()
					+ "\"}}");
			assertThat(again.closeCode(Duration.ofSeconds(10))).isEqualTo(4401);
		}
	}

	private String token(Role role) {
		return tokens.issue(role.code() + "-" + UUID.randomUUID(), role, "test").secret();
	}

	private static String anyId() {
		return "roles-" + UUID.randomUUID();
	}
}
