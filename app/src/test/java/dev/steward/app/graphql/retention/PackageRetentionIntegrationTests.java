package dev.steward.app.graphql.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Callers;
import dev.steward.app.EventTailClient;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import dev.steward.app.security.ApiTokens;
import dev.steward.testing.MovableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A package's whole retention, end to end as an integrator drives it: create, upload, finalize (GraphQL and HTTP),
 * extend, hold, expire (the clock moves), release, eligible, purge; every step in {@code retentionHistory} and in
 * the {@code retentionEvents} subscription, and the purge deleting the bytes but keeping the manifest.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PackageRetentionIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String CREATE = """
			mutation($input: CreatePackageInput!) {
			  createPackage(input: $input) { package { id status retention { retentionClass expiresAt appliedAt } } }
			}""";

	static final String PACKAGE = """
			query($id: ID!) {
			  package(id: $id) {
			    status
			    retention { retentionClass mode deletionStrategy expiresAt expired held eligible purged activeHolds { holdId } }
			  }
			}""";

	static final String HISTORY = """
			query($id: ID!) { retentionHistory(subjectId: $id) { edges { node { sequence type actor payload } } } }""";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	GraphQlHttp graphql;

	Callers callers;

	final String admin = GraphQlHttp.ADMIN_TOKEN;

	@BeforeEach
	void clients() {
		graphql = new GraphQlHttp(port);
		callers = Callers.issuedBy(tokens);
	}

	@AfterEach
	void resetClock() {
		MovableClock.INSTANCE.reset();
	}

	@Test
	void aPackageLivesThroughItsRetentionAndIsPurgedWithEveryStepInTheLogAndTheSubscription() throws Exception {
		Response created = graphql.post(callers.author(), CREATE, Map.of("input", Map.of("name", "build-7",
				"producer", "ci-" + UUID.randomUUID(), "subject", "svc", "retentionClass", "ephemeral",
				"metadata", Map.of("build", 7))));
		assertThat(created.hasErrors()).as(created.body()).isFalse();
		JsonNode pkg = created.data().path("createPackage").path("package");
		String id = pkg.path("id").asString();
		Instant expiry = Instant.parse(pkg.path("retention").path("expiresAt").asString());
		assertThat(pkg.path("retention").path("retentionClass").asString()).isEqualTo("ephemeral");
		assertThat(expiry).isEqualTo(Instant.parse(pkg.path("retention").path("appliedAt").asString())
			.plus(Duration.ofDays(7)));
		long after = sequenceOf(history(id).get(0)) - 1;

		try (EventTailClient events = EventTailClient.retentionEvents(port, callers.viewer(), after)) {
			byte[] bytes = ("only in this package " + id).getBytes(StandardCharsets.UTF_8);
			HttpResponse<String> uploaded = send(HttpRequest.newBuilder(uri("/registry/packages/" + id + "/files/a.txt"))
				.header("Authorization", "Bearer " + callers.author())
				.header("Content-Type", "text/plain")
				.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
			String contentUrl = JSON.readTree(uploaded.body()).path("contentUrl").asString();
			Response finalized = graphql.post(callers.author(), """
					mutation($id: ID!) { finalizePackage(input: { id: $id }) { package { status manifestUrl } } }""",
					Map.of("id", id));
			String manifestUrl = finalized.data().path("finalizePackage").path("package").path("manifestUrl").asString();
			HttpResponse<String> manifest = get(manifestUrl + "?format=json");
			Response extended = graphql.post(callers.operator(), """
					mutation($id: ID!, $at: DateTime!) {
					  extendRetention(input: {subjectId: $id, newExpiresAt: $at, reason: "release audit"}) { retention { expiresAt } }
					}""", Map.of("id", id, "at", expiry.plus(Duration.ofDays(3)).toString()));
			Response held = graphql.post(callers.operator(), """
					mutation($id: ID!) { applyHold(input: {subjectId: $id, reason: "incident 42"}) { holdId } }""",
					Map.of("id", id));
			String holdId = held.data().path("applyHold").path("holdId").asString();
			MovableClock.INSTANCE.advance(Duration.ofDays(11));
			Response sweptWhileHeld = graphql.post(admin, "mutation { sweepRetention { markedCount } }");
			Response purgedWhileHeld = graphql.post(admin, "mutation { purgeEligible(limit: 1000) { purgedCount } }");
			Response whileHeld = graphql.post(callers.viewer(), PACKAGE, Map.of("id", id));
			Response released = graphql.post(callers.operator(), """
					mutation($id: ID!, $hold: UUID!) {
					  releaseHold(input: {subjectId: $id, holdId: $hold, reason: "incident closed"}) { retention { eligible held } }
					}""", Map.of("id", id, "hold", holdId));
			Response dryRun = graphql.post(admin, """
					mutation { purgeEligible(dryRun: true, limit: 1000) { outcomes { subjectKind subjectId outcome } } }""");
			Response purged = graphql.post(admin, """
					mutation { purgeEligible(limit: 1000) { outcomes { subjectKind subjectId outcome detail } } }""");
			Response after_ = graphql.post(callers.viewer(), PACKAGE, Map.of("id", id));
			HttpResponse<String> bytesAfter = get(contentUrl);
			HttpResponse<String> manifestAfter = get(manifestUrl + "?format=json");
			List<JsonNode> history = history(id);

			assertThat(List.of(finalized, extended, held, sweptWhileHeld, purgedWhileHeld, whileHeld, released, dryRun,
					purged, after_)).allSatisfy(response -> assertThat(response.hasErrors()).as(response.body()).isFalse());
			assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
			assertThat(manifest.statusCode()).isEqualTo(200);
			assertThat(JSON.readTree(manifest.body()).path("retention_summary").path("expires_at").asString())
				.isNotEmpty();
			assertThat(JSON.readTree(manifest.body()).path("retention_summary").path("last_retention_event_sequence")
				.asLong()).as(manifest.body()).isEqualTo(after + 1);
			JsonNode heldState = whileHeld.data().path("package").path("retention");
			assertThat(heldState.path("expired").asBoolean()).isTrue();
			assertThat(heldState.path("held").asBoolean()).isTrue();
			assertThat(heldState.path("eligible").asBoolean()).isFalse();
			assertThat(whileHeld.data().path("package").path("status").asString()).isEqualTo("FINALIZED");
			assertThat(released.data().path("releaseHold").path("retention").path("eligible").asBoolean()).isTrue();
			assertThat(outcomeOf(dryRun.data().path("purgeEligible"), id)).isEqualTo("WOULD_PURGE");
			assertThat(outcomeOf(purged.data().path("purgeEligible"), id)).as(purged.body()).isEqualTo("PURGED");
			assertThat(after_.data().path("package").path("status").asString()).isEqualTo("PURGED");
			assertThat(after_.data().path("package").path("retention").path("purged").asBoolean()).isTrue();
			assertThat(bytesAfter.statusCode()).isEqualTo(404);
			assertThat(manifestAfter.statusCode()).isEqualTo(200);
			List<String> types = List.of("v1.retention.default_applied", "v1.retention.extended",
					"v1.retention.hold_applied", "v1.retention.hold_released", "v1.retention.deletion_eligible",
					"v1.retention.purged");
			assertThat(history).extracting(node -> node.path("type").asString()).containsExactlyElementsOf(types);
			assertThat(history.get(0).path("actor").asString()).isEqualTo(jdbc
				.sql("SELECT actor FROM registry.event_log WHERE subject_id = ? AND type = 'v1.package.created'")
				.param(id)
				.query(String.class)
				.single());
			assertThat(history.get(4).path("payload").path("reason").asString()).isEqualTo("hold released after expiry");
			assertThat(history.get(5).path("payload").path("deletion_strategy").asString()).isEqualTo("purge");
			assertThat(history.get(5).path("actor").asString()).isEqualTo("bootstrap");
			assertThat(PublishRunRetentionIntegrationTests.typesOf(events, id, types.size()))
				.containsExactlyElementsOf(types);
		}
	}

	@Test
	void anUnknownRetentionClassRefusesThePackageAndLeavesNoTrace() {
		String producer = "ci-" + UUID.randomUUID();

		Response refused = graphql.post(callers.author(), CREATE, Map.of("input", Map.of("name", "build-8",
				"producer", producer, "subject", "svc", "retentionClass", "no_such_class", "metadata", Map.of())));

		assertThat(refused.errorCode()).isEqualTo("RETENTION_CLASS_UNKNOWN");
		assertThat(jdbc.sql("SELECT count(*) FROM registry.package WHERE producer = ?")
			.param(producer)
			.query(Long.class)
			.single()).isZero();
	}

	private List<JsonNode> history(String id) {
		Response history = graphql.post(callers.viewer(), HISTORY, Map.of("id", id));
		return history.data().path("retentionHistory").path("edges").valueStream().map(edge -> edge.path("node")).toList();
	}

	private static long sequenceOf(JsonNode node) {
		return node.path("sequence").asLong();
	}

	private static String outcomeOf(JsonNode report, String id) {
		return report.path("outcomes")
			.valueStream()
			.filter(outcome -> outcome.path("subjectId").asString().equals(id))
			.map(outcome -> outcome.path("outcome").asString())
			.findFirst()
			.orElse("none");
	}

	private HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + callers.viewer()).GET());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
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
}
