package dev.steward.app.graphql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Callers;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** Policies end to end: variants, validation, activation, rollback, replay and the live activation feed. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PoliciesGraphQlIntegrationTests {

	static final String UPSERT = """
			mutation($input: UpsertPolicyVariantInput!) {
			  upsertPolicyVariant(input: $input) { variant { id policyId policyType status version contentHash updatedBy content } }
			}""";

	static final String ACTIVATE = """
			mutation($input: ActivatePolicyInput!) {
			  activatePolicy(input: $input) { event { id activationEventId variant replacedVariant rollbackOf actor } }
			}""";

	static final String ROLLBACK = """
			mutation($input: RollbackActivationInput!) {
			  rollbackActivation(input: $input) { event { activationEventId variant replacedVariant rollbackOf } }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	GraphQlHttp graphql;

	String author;

	String operator;

	String viewer;

	String world;

	String policyId;

	@BeforeEach
	void setUp() {
		graphql = new GraphQlHttp(port);
		Callers callers = Callers.issuedBy(tokens);
		author = callers.author();
		operator = callers.operator();
		viewer = callers.viewer();
		world = graphql.createWorld(operator);
		policyId = "prompt:ns" + UUID.randomUUID().toString().replace("-", "") + ":greeting";
	}

	@Test
	void anAuthorStoresVariantsThatAViewerReadsAndLists() {
		Response stored = graphql.post(author, UPSERT, Map.of("input", upsert("v1", 1, "hello")));
		graphql.post(author, UPSERT, Map.of("input", upsert("v2", 2, "hello again")));

		Response latest = graphql.post(viewer, "query($id: ID!) { policy(id: $id) { variant policyVersion content } }",
				Map.of("id", policyId));
		Response listed = graphql.post(viewer, """
				query($ns: String) { policies(filter: {policyType: "prompt", namespace: $ns}) { edges { node { variant } } } }""",
				Map.of("ns", policyId.split(":")[1]));

		assertThat(stored.hasErrors()).as(stored.body()).isFalse();
		var variant = stored.data().path("upsertPolicyVariant").path("variant");
		assertThat(variant.path("id").asString()).isEqualTo(policyId + "@v1");
		assertThat(variant.path("status").asString()).isEqualTo("DRAFT");
		assertThat(variant.path("contentHash").asString()).hasSize(64);
		assertThat(latest.data().path("policy").path("variant").asString()).isEqualTo("v2");
		assertThat(listed.data().path("policies").path("edges").valueStream().map(edge -> edge.path("node").path("variant").asString()))
			.containsExactly("v2", "v1");
		Response diff = graphql.post(viewer, "query($id: ID!) { policyDiff(policyId: $id, from: \"v1\", to: \"v2\") { changes { op path from to } } }",
				Map.of("id", policyId));
		assertThat(diff.data().path("policyDiff").path("changes").valueStream().map(change -> change.path("path").asString()))
			.containsExactly("/content/text", "/policyVersion");
		assertThat(diff.data().path("policyDiff").path("changes").path(0).path("to").asString()).isEqualTo("hello again");
	}

	@Test
	void reportsValidationErrorsAndRecordsEveryRun() {
		Response invalid = graphql.post(author, UPSERT, Map.of("input", upsert("v1", 1, "")));
		Response validated = graphql.post(author, """
				mutation($input: ValidatePolicyVariantInput!) { validatePolicyVariant(input: $input) { id valid errors validatedBy } }""",
				Map.of("input", Map.of("policyId", policyId, "variant", "v1", "policyVersion", 1, "status", "DRAFT",
						"content", Map.of("text", "fine"))));
		Response runs = graphql.post(viewer, "query($id: ID!) { validationRuns(policyId: $id, variant: \"v1\") { valid errors } }",
				Map.of("id", policyId));
		Response badId = graphql.post(author, UPSERT, Map.of("input", Map.of("policyId", "prompt::x", "variant", "v1",
				"policyVersion", 1, "status", "DRAFT", "content", Map.of("text", "x"))));

		assertThat(invalid.errorCode()).isEqualTo("POLICY_VALIDATION_ERROR");
		assertThat(validated.data().path("validatePolicyVariant").path("valid").asBoolean()).isTrue();
		assertThat(runs.data().path("validationRuns").size()).isEqualTo(2);
		assertThat(runs.data().path("validationRuns").path(1).path("valid").asBoolean()).isFalse();
		assertThat(badId.errorCode()).isEqualTo("POLICY_ID_INVALID");
		assertThat(graphql.post(viewer, UPSERT, Map.of("input", upsert("v1", 1, "x"))).errorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void anOperatorActivatesRollsBackAndADashboardCatchesUpFollowsAndResumes() throws Exception {
		graphql.post(author, UPSERT, Map.of("input", upsert("v1", 1, "one")));
		graphql.post(author, UPSERT, Map.of("input", upsert("v2", 2, "two")));
		Response first = graphql.post(operator, ACTIVATE, Map.of("input", activate("v1")));
		long firstEvent = first.data().path("activatePolicy").path("event").path("activationEventId").asLong();
		long secondEvent;

		try (Feed feed = new Feed(firstEvent - 1)) {
			assertThat(feed.next()).containsEntry("variant", "v1").containsEntry("replacedVariant", null);
			Response second = graphql.post(operator, ACTIVATE, Map.of("input", activate("v2")));
			secondEvent = second.data().path("activatePolicy").path("event").path("activationEventId").asLong();
			assertThat(feed.next()).containsEntry("variant", "v2").containsEntry("replacedVariant", "v1");
		}
		Response rolledBack = graphql.post(operator, ROLLBACK, Map.of("input", Map.of("activationEventId", firstEvent)));

		try (Feed resumed = new Feed(secondEvent)) {
			Map<String, Object> missed = resumed.next();
			assertThat(missed).containsEntry("variant", "v1").containsEntry("replacedVariant", "v2");
			assertThat(((Number) missed.get("rollbackOf")).longValue()).isEqualTo(firstEvent);
		}
		assertThat(rolledBack.data().path("rollbackActivation").path("event").path("rollbackOf").asLong()).isEqualTo(firstEvent);
		Response pointers = graphql.post(viewer, "query($w: ID!) { activations(worldId: $w, effective: true) { policyId variant activationEventId } }",
				Map.of("w", world));
		Response replay = graphql.post(viewer, "query($w: ID!) { verifyActivationReplay(worldId: $w) { consistent eventCount pointerCount } }",
				Map.of("w", world));
		Response history = graphql.post(viewer, "query($w: ID!, $p: ID!) { activationEvents(worldId: $w, policyId: $p, first: 2) { edges { node { variant } } pageInfo { hasNextPage endCursor } } }",
				Map.of("w", world, "p", policyId));
		String cursor = history.data().path("activationEvents").path("pageInfo").path("endCursor").asString();
		Response rest = graphql.post(viewer, "query($w: ID!, $p: ID!, $after: String) { activationEvents(worldId: $w, policyId: $p, first: 2, after: $after) { edges { node { variant } } pageInfo { hasNextPage } } }",
				Map.of("w", world, "p", policyId, "after", cursor));
		assertThat(pointers.data().path("activations").path(0).path("variant").asString()).isEqualTo("v1");
		assertThat(replay.data().path("verifyActivationReplay").path("consistent").asBoolean()).isTrue();
		assertThat(replay.data().path("verifyActivationReplay").path("eventCount").asInt()).isEqualTo(3);
		assertThat(history.data().path("activationEvents").path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
		assertThat(rest.data().path("activationEvents").path("edges").valueStream().map(edge -> edge.path("node").path("variant").asString()))
			.containsExactly("v1");
		assertThat(rest.data().path("activationEvents").path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
	}

	/** A dashboard subscribed to the scope's activation events after a sequence. */
	final class Feed implements AutoCloseable {

		final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();

		final WebSocketGraphQlClient client = WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql",
				new ReactorNettyWebSocketClient()).interceptor(new WebSocketGraphQlClientInterceptor() {
					@Override
					public Mono<Object> connectionInitPayload() {
						return Mono.just(Map.of("Authorization", "Bearer " + viewer));
					}
				}).build();

		final Disposable subscription;

		Feed(long after) {
			subscription = client.document("""
					subscription($world: ID!, $after: Long) { activationEvents(worldId: $world, after: $after) { activationEventId policyId variant replacedVariant rollbackOf actor } }""")
				.variable("world", world)
				.variable("after", after)
				.executeSubscription()
				.map(response -> response.field("activationEvents").<Map<String, Object>>getValue())
				.subscribe(events::add);
		}

		Map<String, Object> next() throws InterruptedException {
			return PoliciesGraphQlIntegrationTests.next(events);
		}

		@Override
		public void close() {
			subscription.dispose();
			client.stop().block(Duration.ofSeconds(5));
		}
	}

	@Test
	void reportsActivationErrorsWithTheSeedsCodes() {
		graphql.post(author, UPSERT, Map.of("input", upsert("v1", 1, "one")));

		Response noWorld = graphql.post(operator, ACTIVATE, Map.of("input",
				Map.of("worldId", "missing-" + UUID.randomUUID(), "policyId", policyId, "variant", "v1")));
		Response noEvent = graphql.post(operator, ROLLBACK, Map.of("input", Map.of("activationEventId", Long.MAX_VALUE)));
		Response first = graphql.post(operator, ACTIVATE, Map.of("input", activate("v1")));
		long event = first.data().path("activatePolicy").path("event").path("activationEventId").asLong();
		Response otherScope = graphql.post(operator, ROLLBACK, Map.of("input",
				Map.of("activationEventId", event, "worldId", world, "clientProfile", "mobile")));
		Response otherPolicy = graphql.post(operator, ROLLBACK, Map.of("input",
				Map.of("activationEventId", event, "policyId", policyId.replace("greeting", "farewell"))));
		Response byAuthor = graphql.post(author, ACTIVATE, Map.of("input", activate("v1")));

		assertThat(noWorld.errorCode()).isEqualTo("POLICY_WORLD_NOT_FOUND");
		assertThat(noEvent.errorCode()).isEqualTo("POLICY_ROLLBACK_EVENT_NOT_FOUND");
		assertThat(otherScope.errorCode()).isEqualTo("POLICY_ROLLBACK_SCOPE_MISMATCH");
		assertThat(otherPolicy.errorCode()).isEqualTo("POLICY_ROLLBACK_POLICY_MISMATCH");
		assertThat(byAuthor.errorCode()).isEqualTo("FORBIDDEN");
		Response missingVariant = graphql.post(operator, ACTIVATE, Map.of("input", activate("v9")));
		assertThat(missingVariant.errorCode()).isEqualTo("POLICY_VARIANT_NOT_FOUND");
		Response unsupported = graphql.post(author, UPSERT, Map.of("input", Map.of("policyId", "sound:a:b", "variant", "v1",
				"policyVersion", 1, "status", "DRAFT", "content", Map.of("text", "x"))));
		assertThat(unsupported.errorCode()).isEqualTo("POLICY_TYPE_UNSUPPORTED");
		Response stale = graphql.post(author, UPSERT, Map.of("input", Map.of("policyId", policyId, "variant", "v1",
				"policyVersion", 1, "status", "DRAFT", "content", Map.of("text", "late"), "expectedVersion", 7)));
		assertThat(stale.errorCode()).isEqualTo("CONFLICT");
	}

	@Test
	void anAdminRegistersATypeWhoseContentIsThenCheckedAgainstItsSchema() {
		String name = "sound_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Map<String, Object> schema = Map.of("type", "object", "required", List.of("clip"), "properties",
				Map.of("clip", Map.of("type", "string", "minLength", 1)));
		String register = "mutation($input: RegisterPolicyTypeInput!) { registerPolicyType(input: $input) { policyType { name layer builtIn } } }";

		Response byOperator = graphql.post(operator, register, Map.of("input", Map.of("name", name, "layer", "CONTENT", "jsonSchema", schema)));
		Response registered = graphql.post(GraphQlHttp.ADMIN_TOKEN, register,
				Map.of("input", Map.of("name", name, "layer", "CONTENT", "jsonSchema", schema)));
		Response again = graphql.post(GraphQlHttp.ADMIN_TOKEN, register,
				Map.of("input", Map.of("name", name, "layer", "CONTENT", "jsonSchema", schema)));
		Response badSchema = graphql.post(GraphQlHttp.ADMIN_TOKEN, register,
				Map.of("input", Map.of("name", name + "_x", "layer", "CONTENT", "jsonSchema", Map.of("type", 12))));
		Response types = graphql.post(viewer, "{ policyTypes { name layer builtIn } }");
		String id = name + ":sfx:door";
		Response invalid = graphql.post(author, UPSERT, Map.of("input", Map.of("policyId", id, "variant", "v1",
				"policyVersion", 1, "status", "DRAFT", "content", Map.of("clip", ""))));
		Response valid = graphql.post(author, UPSERT, Map.of("input", Map.of("policyId", id, "variant", "v1",
				"policyVersion", 1, "status", "DRAFT", "content", Map.of("clip", "door.ogg"))));

		assertThat(byOperator.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(registered.data().path("registerPolicyType").path("policyType").path("layer").asString()).isEqualTo("CONTENT");
		assertThat(again.errorCode()).isEqualTo("POLICY_TYPE_EXISTS");
		assertThat(badSchema.errorCode()).isEqualTo("POLICY_TYPE_INVALID");
		assertThat(types.data().path("policyTypes").valueStream().map(type -> type.path("name").asString()))
			.contains("prompt", "location", "registry", name);
		assertThat(invalid.errorCode()).isEqualTo("POLICY_VALIDATION_ERROR");
		assertThat(invalid.json().path("errors").path(0).path("message").asString()).contains("content.clip");
		assertThat(valid.hasErrors()).as(valid.body()).isFalse();
	}

	private Map<String, Object> upsert(String variant, int policyVersion, String text) {
		return Map.of("policyId", policyId, "variant", variant, "policyVersion", policyVersion, "status", "DRAFT",
				"content", Map.of("text", text));
	}

	private Map<String, Object> activate(String variant) {
		return Map.of("worldId", world, "policyId", policyId, "variant", variant);
	}

	private static Map<String, Object> next(BlockingQueue<Map<String, Object>> feed) throws InterruptedException {
		Map<String, Object> event = feed.poll(15, TimeUnit.SECONDS);
		assertThat(event).as("an activation event within 15 s").isNotNull();
		return event;
	}
}
