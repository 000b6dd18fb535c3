package dev.steward.app.graphql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WorldsGraphQlIntegrationTests {

	static final String CREATE = """
			mutation($input: CreateWorldInput!) {
			  createWorld(input: $input) { world { id name description active config createdBy version createdAt } }
			}""";

	static final String UPDATE = """
			mutation($input: UpdateWorldInput!) {
			  updateWorld(input: $input) { world { id name active version updatedBy } }
			}""";

	@LocalServerPort
	int port;

	GraphQlHttp graphql;

	@BeforeEach
	void client() {
		graphql = new GraphQlHttp(port);
	}

	@Test
	void createsReadsAndListsWorlds() {
		String id = "world-" + UUID.randomUUID();

		Response created = graphql.post(GraphQlHttp.ADMIN_TOKEN, CREATE, Map.of("input",
				Map.of("id", id, "name", "Pipeworks", "config", Map.of("theme", "dark", "players", 64))));
		Response read = graphql.post(GraphQlHttp.ADMIN_TOKEN, "query($id: ID!) { world(id: $id) { id name config } }",
				Map.of("id", id));

		assertThat(created.status()).isEqualTo(200);
		assertThat(created.hasErrors()).as(created.body()).isFalse();
		var world = created.data().path("createWorld").path("world");
		assertThat(world.path("id").asString()).isEqualTo(id);
		assertThat(world.path("active").asBoolean()).isTrue();
		assertThat(world.path("description").asString()).isEmpty();
		assertThat(world.path("createdBy").asString()).isEqualTo("bootstrap");
		assertThat(world.path("version").asLong()).isZero();
		assertThat(world.path("createdAt").asString()).endsWith("Z");
		assertThat(read.data().path("world").path("config").path("players").asInt()).isEqualTo(64);
	}

	@Test
	void pagesThroughWorldsWithCursors() {
		String prefix = "paged-" + UUID.randomUUID() + "-";
		for (String suffix : new String[] { "1", "2", "3" }) {
			graphql.post(GraphQlHttp.ADMIN_TOKEN, CREATE, Map.of("input", Map.of("id", prefix + suffix, "name", suffix)));
		}
		String page = "query($after: String) { worlds(first: 2, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }";

		Response first = graphql.post(GraphQlHttp.ADMIN_TOKEN, page, Map.of());
		String cursor = first.data().path("worlds").path("pageInfo").path("endCursor").asString();
		Response rest = graphql.post(GraphQlHttp.ADMIN_TOKEN, page, Map.of("after", cursor));

		assertThat(first.data().path("worlds").path("edges").size()).isEqualTo(2);
		assertThat(first.data().path("worlds").path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		assertThat(rest.hasErrors()).as(rest.body()).isFalse();
		String lastOfFirst = first.data().path("worlds").path("edges").path(1).path("node").path("id").asString();
		String firstOfRest = rest.data().path("worlds").path("edges").path(0).path("node").path("id").asString();
		assertThat(firstOfRest).isGreaterThan(lastOfFirst);
		assertThat(new String(java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8))
			.as("a cursor is the item's sort keys as plain JSON, with no type names")
			.isEqualTo("K_{\"id\":\"" + lastOfFirst + "\"}");
	}

	@Test
	void updatesWithOptimisticConcurrency() {
		String id = "world-" + UUID.randomUUID();
		graphql.post(GraphQlHttp.ADMIN_TOKEN, CREATE, Map.of("input", Map.of("id", id, "name", "Before")));

		Response updated = graphql.post(GraphQlHttp.ADMIN_TOKEN, UPDATE,
				Map.of("input", Map.of("id", id, "name", "After", "expectedVersion", 0)));
		Response stale = graphql.post(GraphQlHttp.ADMIN_TOKEN, UPDATE,
				Map.of("input", Map.of("id", id, "name", "Lost", "expectedVersion", 0)));

		assertThat(updated.data().path("updateWorld").path("world").path("version").asLong()).isEqualTo(1);
		assertThat(updated.data().path("updateWorld").path("world").path("name").asString()).isEqualTo("After");
		assertThat(stale.errorCode()).isEqualTo("CONFLICT");
		assertThat(stale.json().path("errors").path(0).path("extensions").path("classification").asString())
			.isEqualTo("CONFLICT");
	}

	@Test
	void reportsDomainErrorsWithStableCodes() {
		String id = "world-" + UUID.randomUUID();
		graphql.post(GraphQlHttp.ADMIN_TOKEN, CREATE, Map.of("input", Map.of("id", id, "name", "One")));

		Response duplicate = graphql.post(GraphQlHttp.ADMIN_TOKEN, CREATE, Map.of("input", Map.of("id", id, "name", "Two")));
		Response missing = graphql.post(GraphQlHttp.ADMIN_TOKEN, UPDATE,
				Map.of("input", Map.of("id", "no-such-" + UUID.randomUUID(), "name", "x")));
		Response blank = graphql.post(GraphQlHttp.ADMIN_TOKEN, CREATE,
				Map.of("input", Map.of("id", "w-" + UUID.randomUUID(), "name", "  ")));
		Response notAnObject = graphql.post(GraphQlHttp.ADMIN_TOKEN, CREATE,
				Map.of("input", Map.of("id", "w-" + UUID.randomUUID(), "name", "n", "config", java.util.List.of(1))));
		Response badPage = graphql.post(GraphQlHttp.ADMIN_TOKEN, "{ worlds(first: 1000) { pageInfo { hasNextPage } } }");
		Response badCursor = graphql.post(GraphQlHttp.ADMIN_TOKEN,
				"{ worlds(after: \"not-a-cursor\") { pageInfo { hasNextPage } } }");

		assertThat(duplicate.errorCode()).isEqualTo("POLICY_WORLD_EXISTS");
		assertThat(missing.errorCode()).isEqualTo("POLICY_WORLD_NOT_FOUND");
		assertThat(missing.json().path("errors").path(0).path("extensions").path("classification").asString())
			.isEqualTo("NOT_FOUND");
		assertThat(blank.errorCode()).isEqualTo("POLICY_WORLD_INVALID");
		assertThat(notAnObject.errorCode()).isEqualTo("INVALID_ARGUMENT");
		assertThat(badPage.errorCode()).isEqualTo("INVALID_ARGUMENT");
		assertThat(badCursor.errorCode()).isEqualTo("INVALID_ARGUMENT");
	}

	@Test
	void refusesARequestWithoutAValidToken() {
		Response none = graphql.post(null, "{ worlds { pageInfo { hasNextPage } } }");
		Response wrong = graphql.post("stw_not-a-token", "{ worlds { pageInfo { hasNextPage } } }");

		assertThat(none.status()).isEqualTo(401);
		assertThat(wrong.status()).isEqualTo(401);
	}
}
