package dev.steward.app.graphql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Callers;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Publishing end to end: publish over GraphQL, download the artifact over HTTP, import it into another world. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublishGraphQlIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String PUBLISH = """
			mutation($input: PublishScopeInput!) {
			  publishScope(input: $input) {
			    run { id publishRunId worldId clientProfile actor createdAt manifestHash itemsHash itemCount artifactUrl }
			    manifest manifestHash itemCount artifactUrl
			  }
			}""";

	static final String IMPORT = """
			mutation($input: ImportPolicyArtifactInput!) {
			  importPolicyArtifact(input: $input) {
			    worldId clientProfile activate itemCount importedCount updatedCount skippedCount errorCount
			    activatedCount activationSkippedCount manifestHash itemsHash artifactHash variantsHash
			    entries { policyId variant action detail }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	final HttpClient http = HttpClient.newHttpClient();

	GraphQlHttp graphql;

	String author;

	String operator;

	String viewer;

	String world;

	String location;

	String registry;

	@BeforeEach
	void aWorldWithALocationAndARegistryActive() {
		graphql = new GraphQlHttp(port);
		Callers callers = Callers.issuedBy(tokens);
		author = callers.author();
		operator = callers.operator();
		viewer = callers.viewer();
		world = graphql.createWorld(operator);
		String namespace = "ns" + UUID.randomUUID().toString().replace("-", "");
		location = "location:" + namespace + ":cellar";
		registry = "registry:" + namespace + ":places";
		upsert(location, Map.of("text", "a damp cellar"));
		upsert(registry, Map.of("references", List.of(Map.of("policy_id", location, "variant", "v1"))));
		activate(world, location);
		activate(world, registry);
	}

	@Test
	void anOperatorPublishesAViewerDownloadsTheArtifactAndAnOperatorImportsItIntoAnotherWorld() {
		Response published = graphql.post(operator, PUBLISH, Map.of("input", Map.of("worldId", world)));
		JsonNode payload = published.data().path("publishScope");
		JsonNode run = payload.path("run");
		String artifactUrl = payload.path("artifactUrl").asString();

		HttpResponse<String> download = get(artifactUrl, viewer, null);
		String etag = download.headers().firstValue("ETag").orElse("");
		HttpResponse<String> notModified = get(artifactUrl, viewer, etag);
		String other = graphql.createWorld(operator);
		Response imported = graphql.post(operator, IMPORT, Map.of("input", Map.of("artifact", parse(download.body()),
				"worldId", other)));
		Response importedAgain = graphql.post(operator, IMPORT, Map.of("input", Map.of("artifact", parse(download.body()),
				"worldId", other)));
		Response otherPointers = graphql.post(viewer, "query($w: ID!) { activations(worldId: $w) { policyId variant } }",
				Map.of("w", other));

		assertThat(published.hasErrors()).as(published.body()).isFalse();
		assertThat(run.path("worldId").asString()).isEqualTo(world);
		assertThat(run.path("clientProfile").asString()).isEmpty();
		assertThat(run.path("itemCount").asInt()).isEqualTo(2);
		assertThat(run.path("manifestHash").asString()).hasSize(64).isEqualTo(payload.path("manifestHash").asString());
		assertThat(payload.path("manifest").path("items").valueStream().map(item -> item.path("policy_id").asString()))
			.containsExactly(location, registry);
		assertThat(payload.path("manifest").path("client_profile").isNull()).isTrue();
		assertThat(artifactUrl).isEqualTo("/policy/publish-runs/" + run.path("id").asString() + "/artifact");

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertThat(download.headers().firstValue("Content-Disposition"))
			.contains("attachment; filename=\"publish_" + run.path("manifestHash").asString() + ".json\"");
		JsonNode artifact = JSON.readTree(download.body());
		assertThat(etag).isEqualTo("\"" + artifact.path("artifact_hash").asString() + "\"");
		assertThat(artifact.path("manifest_hash").asString()).isEqualTo(run.path("manifestHash").asString());
		assertThat(artifact.path("policy_authority").asString()).isEqualTo("steward");
		assertThat(artifact.path("variants").path(0).path("content").path("text").asString()).isEqualTo("a damp cellar");
		assertThat(download.body()).contains("\n  \"export_schema_version\"").endsWith("}\n");
		assertThat(notModified.statusCode()).isEqualTo(304);

		assertThat(imported.hasErrors()).as(imported.body()).isFalse();
		JsonNode summary = imported.data().path("importPolicyArtifact");
		assertThat(summary.path("worldId").asString()).isEqualTo(other);
		assertThat(summary.path("activate").asBoolean()).isTrue();
		assertThat(summary.path("itemCount").asInt()).isEqualTo(2);
		assertThat(summary.path("skippedCount").asInt()).isEqualTo(2);
		assertThat(summary.path("activatedCount").asInt()).isEqualTo(2);
		assertThat(summary.path("errorCount").asInt()).isZero();
		assertThat(summary.path("artifactHash").asString()).isEqualTo(artifact.path("artifact_hash").asString());
		assertThat(summary.path("entries").valueStream().map(entry -> entry.path("action").asString()))
			.containsExactly("SKIPPED", "SKIPPED");
		assertThat(importedAgain.data().path("importPolicyArtifact").path("activationSkippedCount").asInt()).isEqualTo(2);
		assertThat(otherPointers.data().path("activations").valueStream().map(p -> p.path("policyId").asString()))
			.containsExactly(location, registry);
	}

	@Test
	void aViewerReadsRunsNewestFirstAndOneByItsId() {
		String first = graphql.post(operator, PUBLISH, Map.of("input", Map.of("worldId", world)))
			.data().path("publishScope").path("run").path("id").asString();
		String second = graphql.post(operator, PUBLISH, Map.of("input", Map.of("worldId", world)))
			.data().path("publishScope").path("run").path("id").asString();

		Response page = graphql.post(viewer, """
				query($w: ID!) { publishRuns(worldId: $w, first: 1) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }""",
				Map.of("w", world));
		String cursor = page.data().path("publishRuns").path("pageInfo").path("endCursor").asString();
		Response next = graphql.post(viewer, """
				query($w: ID!, $after: String) { publishRuns(worldId: $w, clientProfile: "", first: 1, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }""",
				Map.of("w", world, "after", cursor));
		Response one = graphql.post(viewer, "query($id: ID!) { publishRun(id: $id) { id actor manifest itemCount } }",
				Map.of("id", first));
		Response none = graphql.post(viewer, "{ publishRun(id: \"9223372036854775807\") { id } }");

		assertThat(page.data().path("publishRuns").path("edges").path(0).path("node").path("id").asString()).isEqualTo(second);
		assertThat(page.data().path("publishRuns").path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		assertThat(next.data().path("publishRuns").path("edges").path(0).path("node").path("id").asString()).isEqualTo(first);
		assertThat(next.data().path("publishRuns").path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
		assertThat(one.data().path("publishRun").path("itemCount").asInt()).isEqualTo(2);
		assertThat(one.data().path("publishRun").path("actor").asString()).startsWith("operator-");
		assertThat(none.hasErrors()).isFalse();
		assertThat(none.data().path("publishRun").isNull()).isTrue();
	}

	@Test
	void refusesWhatARoleMayNotDoAndAnArtifactThatIsTamperedOrNotOne() {
		Response published = graphql.post(operator, PUBLISH, Map.of("input", Map.of("worldId", world)));
		String artifactUrl = published.data().path("publishScope").path("artifactUrl").asString();
		Map<String, Object> artifact = parse(get(artifactUrl, viewer, null).body());
		artifact.put("world_id", "somewhere-else");

		assertThat(graphql.post(author, PUBLISH, Map.of("input", Map.of("worldId", world))).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(graphql.post(operator, PUBLISH, Map.of("input", Map.of("worldId", "no-" + UUID.randomUUID()))).errorCode())
			.isEqualTo("POLICY_WORLD_NOT_FOUND");
		assertThat(graphql.post(author, IMPORT, Map.of("input", Map.of("artifact", artifact))).errorCode()).isEqualTo("FORBIDDEN");
		assertThat(graphql.post(operator, IMPORT, Map.of("input", Map.of("artifact", artifact))).errorCode())
			.isEqualTo("POLICY_IMPORT_ARTIFACT_HASH_MISMATCH");
		assertThat(graphql.post(operator, IMPORT, Map.of("input", Map.of("artifact", "not an artifact"))).errorCode())
			.isEqualTo("POLICY_IMPORT_ARTIFACT_INVALID");
	}

	@Test
	void theDownloadNeedsATokenAndAnExistingRun() {
		String artifactUrl = graphql.post(operator, PUBLISH, Map.of("input", Map.of("worldId", world)))
			.data().path("publishScope").path("artifactUrl").asString();

		HttpResponse<String> anonymous = get(artifactUrl, null, null);
		HttpResponse<String> unknown = get("/policy/publish-runs/9223372036854775807/artifact", viewer, null);
		HttpResponse<String> notANumber = get("/policy/publish-runs/latest/artifact", viewer, null);

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(unknown.body()).path("code").asString()).isEqualTo("POLICY_PUBLISH_RUN_NOT_FOUND");
		assertThat(notANumber.statusCode()).isEqualTo(404);
	}

	private void upsert(String policyId, Map<String, Object> content) {
		Response stored = graphql.post(author, """
				mutation($input: UpsertPolicyVariantInput!) { upsertPolicyVariant(input: $input) { variant { id } } }""",
				Map.of("input", Map.of("policyId", policyId, "variant", "v1", "policyVersion", 1, "status", "ACTIVE",
						"content", content)));
		assertThat(stored.hasErrors()).as(stored.body()).isFalse();
	}

	private void activate(String worldId, String policyId) {
		Response activated = graphql.post(operator, """
				mutation($input: ActivatePolicyInput!) { activatePolicy(input: $input) { event { id } } }""",
				Map.of("input", Map.of("worldId", worldId, "policyId", policyId, "variant", "v1")));
		assertThat(activated.hasErrors()).as(activated.body()).isFalse();
	}

	private HttpResponse<String> get(String path, @Nullable String token, @Nullable String ifNoneMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> parse(String json) {
		return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
	}
}
