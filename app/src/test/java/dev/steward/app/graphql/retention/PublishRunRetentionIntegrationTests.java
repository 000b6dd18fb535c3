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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A second kind of subject, end to end: a policy publish run's retention starts when it is published; its export
 * artifact is served while it is kept or held, answers 410 Gone once it is past its expiry and not held, and its
 * purge is audited in the retention log like any subject's, every step also arriving over the subscription.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PublishRunRetentionIntegrationTests {

	static final String PUBLISH = """
			mutation($input: PublishScopeInput!) {
			  publishScope(input: $input) { run { id artifactUrl retention { retentionClass expiresAt held } } }
			}""";

	static final String RETENTION = """
			query($id: ID!) {
			  retention(subjectId: $id, subjectKind: "publish_run") {
			    id retentionClass mode deletionStrategy expiresAt expired held eligible purged
			    activeHolds { holdId reason appliedBy }
			  }
			}""";

	static final String HISTORY = """
			query($id: ID!) {
			  retentionHistory(subjectId: $id, subjectKind: "publish_run") { edges { node { sequence type actor payload } } }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	final HttpClient http = HttpClient.newHttpClient();

	GraphQlHttp graphql;

	Callers callers;

	String admin = GraphQlHttp.ADMIN_TOKEN;

	@BeforeEach
	void callers() {
		graphql = new GraphQlHttp(port);
		callers = Callers.issuedBy(tokens);
	}

	@AfterEach
	void resetClock() {
		MovableClock.INSTANCE.reset();
	}

	@Test
	void aPublishRunIsKeptHeldExpiredAndPurgedWithEveryStepInTheLogAndTheSubscription() throws Exception {
		String world = graphql.createWorld(callers.operator());
		Response published = graphql.post(callers.operator(), PUBLISH, Map.of("input", Map.of("worldId", world)));
		JsonNode run = published.data().path("publishScope").path("run");
		String runId = run.path("id").asString();
		String artifactUrl = run.path("artifactUrl").asString();
		assertThat(published.hasErrors()).as(published.body()).isFalse();
		assertThat(run.path("retention").path("retentionClass").asString()).isEqualTo("publish_run");
		long after = firstSequence(runId) - 1;

		try (EventTailClient events = EventTailClient.retentionEvents(port, callers.viewer(), after)) {
			Instant expiry = Instant.parse(run.path("retention").path("expiresAt").asString());
			Response extended = graphql.post(callers.operator(), """
					mutation($id: ID!, $at: DateTime!) {
					  extendRetention(input: {subjectId: $id, subjectKind: "publish_run", newExpiresAt: $at, reason: "audit"}) {
					    retention { expiresAt }
					  }
					}""", Map.of("id", runId, "at", expiry.plus(Duration.ofDays(1)).toString()));
			Response held = graphql.post(callers.operator(), """
					mutation($id: ID!) {
					  applyHold(input: {subjectId: $id, subjectKind: "publish_run", reason: "regulator asked"}) { holdId }
					}""", Map.of("id", runId));
			String holdId = held.data().path("applyHold").path("holdId").asString();
			MovableClock.INSTANCE.advance(Duration.ofDays(368));
			Response sweptWhileHeld = graphql.post(admin, "mutation { sweepRetention { markedCount } }");
			int whileHeld = get(artifactUrl, callers.viewer()).statusCode();
			Response released = graphql.post(callers.operator(), """
					mutation($id: ID!, $hold: UUID!) {
					  releaseHold(input: {subjectId: $id, subjectKind: "publish_run", holdId: $hold, reason: "cleared"}) {
					    retention { eligible held expired }
					  }
					}""", Map.of("id", runId, "hold", holdId));
			HttpResponse<String> gone = get(artifactUrl, callers.viewer());
			Response purged = graphql.post(admin, "mutation { purgeEligible(limit: 1000) { outcomes { subjectKind subjectId outcome } } }");
			HttpResponse<String> goneAfterPurge = get(artifactUrl, callers.viewer());
			Response state = graphql.post(callers.viewer(), RETENTION, Map.of("id", runId));
			Response history = graphql.post(callers.viewer(), HISTORY, Map.of("id", runId));

			assertThat(List.of(extended, held, sweptWhileHeld, released, purged, state, history))
				.allSatisfy(response -> assertThat(response.hasErrors()).as(response.body()).isFalse());
			assertThat(whileHeld).isEqualTo(200);
			assertThat(released.data().path("releaseHold").path("retention").path("eligible").asBoolean()).isTrue();
			assertThat(gone.statusCode()).isEqualTo(410);
			assertThat(gone.body()).contains("RETENTION_SUBJECT_EXPIRED");
			assertThat(purged.data().path("purgeEligible").path("outcomes").valueStream()
				.filter(outcome -> outcome.path("subjectId").asString().equals(runId))
				.map(outcome -> outcome.path("outcome").asString())).containsExactly("PURGED");
			assertThat(goneAfterPurge.statusCode()).isEqualTo(410);
			assertThat(state.data().path("retention").path("purged").asBoolean()).isTrue();
			List<String> types = List.of("v1.retention.default_applied", "v1.retention.extended",
					"v1.retention.hold_applied", "v1.retention.hold_released", "v1.retention.deletion_eligible",
					"v1.retention.purged");
			assertThat(history.data().path("retentionHistory").path("edges").valueStream()
				.map(edge -> edge.path("node").path("type").asString())).containsExactlyElementsOf(types);
			assertThat(history.data().path("retentionHistory").path("edges").valueStream()
				.filter(edge -> edge.path("node").path("type").asString().equals("v1.retention.purged"))
				.map(edge -> edge.path("node").path("actor").asString())).containsExactly("bootstrap");
			assertThat(typesOf(events, runId, types.size())).containsExactlyElementsOf(types);
		}
	}

	@Test
	void aRunServesItsArtifactWhileKept() {
		String world = graphql.createWorld(callers.operator());
		Response published = graphql.post(callers.operator(), PUBLISH, Map.of("input", Map.of("worldId", world)));
		String artifactUrl = published.data().path("publishScope").path("run").path("artifactUrl").asString();

		assertThat(get(artifactUrl, callers.viewer()).statusCode()).isEqualTo(200);
	}

	/** The types of the first {@code count} events about the run that arrive, waiting up to 30 s in all. */
	static List<String> typesOf(EventTailClient events, String subjectId, int count) throws InterruptedException {
		List<String> types = new java.util.ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (types.size() < count && System.nanoTime() < deadline) {
			Map<String, Object> event = events.poll(Duration.ofMillis(200));
			if (event != null && subjectId.equals(event.get("subjectId"))) {
				types.add((String) event.get("type"));
			}
		}
		return types;
	}

	private long firstSequence(String runId) {
		Response history = graphql.post(callers.viewer(), HISTORY, Map.of("id", runId));
		return history.data().path("retentionHistory").path("edges").get(0).path("node").path("sequence").asLong();
	}

	private HttpResponse<String> get(String path, String token) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
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
