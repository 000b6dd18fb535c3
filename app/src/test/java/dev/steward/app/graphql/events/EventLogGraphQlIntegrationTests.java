package dev.steward.app.graphql.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import dev.steward.app.Callers;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.EventTailClient;
import dev.steward.app.security.ApiTokens;
import dev.steward.kernel.CanonicalCbor;
import dev.steward.kernel.Digests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
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
 * The event logs as a client and an auditor see them: payloads that are deterministic CBOR by an independent
 * decoder and hash to their digests, one encoding of a value by every route, what a subscriber receives, and
 * the head and chain verification over GraphQL.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EventLogGraphQlIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String VERIFY = """
			query($context: String!) {
			  verifyEventLog(context: $context) { context intact checked firstBrokenSequence problem head { sequence chainHash } }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	GraphQlHttp graphql;

	@BeforeEach
	void client() {
		graphql = new GraphQlHttp(port);
	}

	@Test
	void storesTheSameConfigByteForByteWhetherInlineOrThroughVariables() {
		String inlineId = "route-" + UUID.randomUUID();
		String variablesId = "route-" + UUID.randomUUID();
		String config = "{x: 1.5, z: 100, big: 1.8014398509614618E16, tenth: 0.1, neg: -4.1, whole: 2.0, "
				+ "nested: {list: [1, 2.50, 1e2, -0.0], text: \"caf\\u00e9\"}}";
		String configJson = "{\"x\": 1.5, \"z\": 100, \"big\": 1.8014398509614618E16, \"tenth\": 0.1, \"neg\": -4.1,"
				+ " \"whole\": 2.0, \"nested\": {\"list\": [1, 2.50, 1e2, -0.0], \"text\": \"caf\\u00e9\"}}";

		GraphQlHttp.Response inline = graphql.post(GraphQlHttp.ADMIN_TOKEN, "mutation { createWorld(input: {id: \""
				+ inlineId + "\", name: \"Route\", config: " + config + "}) { world { id } } }");
		GraphQlHttp.Response variables = graphql.postRaw(GraphQlHttp.ADMIN_TOKEN, "{\"query\": \"mutation($config: JSON)"
				+ " { createWorld(input: {id: \\\"" + variablesId + "\\\", name: \\\"Route\\\", config: $config})"
				+ " { world { id } } }\", \"variables\": {\"config\": " + configJson + "}}");

		assertThat(inline.hasErrors()).as(inline.body()).isFalse();
		assertThat(variables.hasErrors()).as(variables.body()).isFalse();
		byte[] fromInline = payloadOf(inlineId);
		byte[] fromVariables = payloadOf(variablesId);
		assertThat(replace(fromInline, inlineId, variablesId)).isEqualTo(fromVariables);
		assertThat(CanonicalCbor.decodeMap(fromVariables).get("config")).isEqualTo(Map.of("x", 1.5, "z", 100L, "big",
				18014398509614618L, "tenth", 0.1, "neg", -4.1, "whole", 2L, "nested",
				Map.of("list", List.of(1L, 2.5, 100L, 0L), "text", "caf\u00e9")));
	}

	@Test
	void refusesANumberADoubleCannotHoldAndWritesNothing() {
		long before = jdbc.sql("SELECT last_sequence FROM policy.event_log_counter").query(Long.class).single();
		String id = "huge-" + UUID.randomUUID();

		GraphQlHttp.Response refused = graphql.post(GraphQlHttp.ADMIN_TOKEN,
				"mutation { createWorld(input: {id: \"" + id + "\", name: \"Huge\", config: {x: 1e400}}) { world { id } } }");

		assertThat(refused.errorCode()).isEqualTo("INVALID_ARGUMENT");
		assertThat(refused.json().at("/errors/0/message").asString()).contains("config.x");
		assertThat(jdbc.sql("SELECT count(*) FROM policy.world WHERE id = ?").params(id).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT last_sequence FROM policy.event_log_counter").query(Long.class).single())
			.isEqualTo(before);
	}

	@Test
	void storesEveryPayloadAsDeterministicCborThatHashesToItsDigest() {
		Random random = new Random(20261128);
		for (int i = 0; i < 60; i++) {
			String id = "sample-" + UUID.randomUUID();
			GraphQlHttp.Response created = graphql.post(GraphQlHttp.ADMIN_TOKEN,
					"mutation($id: ID!, $config: JSON) { createWorld(input: {id: $id, name: \"Sample\", config: $config}) { world { id } } }",
					Map.of("id", id, "config", randomConfig(random, 0)));
			assertThat(created.hasErrors()).as(created.body()).isFalse();
		}

		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT sequence, payload, payload_digest FROM policy.event_log ORDER BY random() LIMIT 500""")
			.query()
			.listOfRows();

		assertThat(rows).hasSizeGreaterThanOrEqualTo(60).allSatisfy(row -> {
			byte[] payload = (byte[]) row.get("payload");
			assertThat(Digests.sha256Hex(payload)).isEqualTo(row.get("payload_digest"));
			assertThat(DeterministicCbor.violations(payload)).as("entry %s", row.get("sequence")).isEmpty();
			CBORObject independent = CBORObject.DecodeFromBytes(payload);
			assertThat(CanonicalCbor.normalize(JSON.readValue(independent.ToJSONString(), Object.class)))
				.isEqualTo(CanonicalCbor.decode(payload));
		});
	}

	@Test
	void aSubscriberReceivesThePayloadDecodedFromExactlyTheStoredBytes() throws Exception {
		long head = jdbc.sql("SELECT last_sequence FROM policy.event_log_counter").query(Long.class).single();
		String id = "subscribed-" + UUID.randomUUID();

		try (EventTailClient subscriber = EventTailClient.policyEvents(port, GraphQlHttp.ADMIN_TOKEN, head)) {
			graphql.post(GraphQlHttp.ADMIN_TOKEN,
					"mutation($id: ID!) { createWorld(input: {id: $id, name: \"Bytes\", config: {ratio: 0.75, n: 3, s: \"x\"}}) { world { id } } }",
					Map.of("id", id));
			Map<String, Object> event = subscriber.next(1, Duration.ofSeconds(15)).getFirst();

			byte[] stored = payloadOf(id);
			byte[] received = Base64.getDecoder().decode((String) event.get("payloadCbor"));
			assertThat(received).isEqualTo(stored);
			assertThat(event.get("payloadDigest")).isEqualTo(Digests.sha256Hex(stored));
			JsonNode receivedPayload = JSON.valueToTree(event.get("payload"));
			assertThat(receivedPayload).isEqualTo(JSON.readTree(CBORObject.DecodeFromBytes(stored).ToJSONString()));
			assertThat((String) event.get("chainHash")).matches("[0-9a-f]{64}");
		}
	}

	@Test
	void verifiesEveryLogAndPinsItsHead() {
		graphql.createWorld(GraphQlHttp.ADMIN_TOKEN);

		GraphQlHttp.Response logs = graphql.post(GraphQlHttp.ADMIN_TOKEN, "{ eventLogs }");
		GraphQlHttp.Response head = graphql.post(GraphQlHttp.ADMIN_TOKEN,
				"{ eventLogHead(context: \"policy\") { context sequence chainHash } }");

		assertThat(logs.data().path("eventLogs").valueStream().map(node -> node.asString()).toList())
			.containsExactly("policy", "registry", "retention", "rules");
		for (String context : List.of("policy", "registry", "retention", "rules")) {
			GraphQlHttp.Response verified = graphql.post(GraphQlHttp.ADMIN_TOKEN, VERIFY, Map.of("context", context));
			assertThat(verified.data().at("/verifyEventLog/intact").asBoolean()).as(verified.body()).isTrue();
			assertThat(verified.data().at("/verifyEventLog/firstBrokenSequence").isNull()).isTrue();
		}
		long pinned = head.data().at("/eventLogHead/sequence").asLong();
		String chainHash = jdbc.sql("SELECT chain_hash FROM policy.event_log WHERE sequence = ?")
			.params(pinned)
			.query(String.class)
			.single();
		assertThat(head.data().at("/eventLogHead/chainHash").asString()).isEqualTo(chainHash);
	}

	@Test
	void letsOnlyAnAdminVerifyAndNamesAnUnknownLog() {
		Callers callers = Callers.issuedBy(tokens);

		GraphQlHttp.Response asOperator = graphql.post(callers.operator(), VERIFY, Map.of("context", "policy"));
		GraphQlHttp.Response unknown = graphql.post(GraphQlHttp.ADMIN_TOKEN, VERIFY, Map.of("context", "nosuch"));
		GraphQlHttp.Response headAsViewer = graphql.post(callers.viewer(),
				"{ eventLogHead(context: \"policy\") { sequence } }");

		assertThat(asOperator.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(unknown.errorCode()).isEqualTo("EVENT_LOG_NOT_FOUND");
		assertThat(headAsViewer.hasErrors()).as(headAsViewer.body()).isFalse();
	}

	@Test
	void rebuildsThePolicyViewsFromTheLogForAnAdmin() {
		graphql.createWorld(GraphQlHttp.ADMIN_TOKEN);
		String document = "{ verifyPolicyViews { consistent eventsReplayed differences { view key problem } } }";

		GraphQlHttp.Response verified = graphql.post(GraphQlHttp.ADMIN_TOKEN, document);
		GraphQlHttp.Response asOperator = graphql.post(Callers.issuedBy(tokens).operator(), document);

		assertThat(verified.data().at("/verifyPolicyViews/consistent").asBoolean()).as(verified.body()).isTrue();
		assertThat(verified.data().at("/verifyPolicyViews/eventsReplayed").asLong()).isPositive();
		assertThat(asOperator.errorCode()).isEqualTo("FORBIDDEN");
	}

	@Test
	void answersAnActivationSentTwiceWithOneKeyOnce() {
		String world = graphql.createWorld(GraphQlHttp.ADMIN_TOKEN);
		String policy = "prompt:ns" + UUID.randomUUID().toString().replace("-", "") + ":greeting";
		GraphQlHttp.Response upserted = graphql.post(GraphQlHttp.ADMIN_TOKEN, """
				mutation($input: UpsertPolicyVariantInput!) { upsertPolicyVariant(input: $input) { variant { id } } }""",
				Map.of("input", Map.of("policyId", policy, "variant", "v1", "schemaVersion", "1.0", "policyVersion", 1,
						"status", "DRAFT", "content", Map.of("text", "hello"))));
		assertThat(upserted.hasErrors()).as(upserted.body()).isFalse();
		String activate = """
				mutation($input: ActivatePolicyInput!) { activatePolicy(input: $input) { event { activationEventId } } }""";
		Map<String, Object> input = Map.of("worldId", world, "policyId", policy, "variant", "v1", "idempotencyKey",
				UUID.randomUUID().toString());

		GraphQlHttp.Response first = graphql.post(GraphQlHttp.ADMIN_TOKEN, activate, Map.of("input", input));
		long head = jdbc.sql("SELECT last_sequence FROM policy.event_log_counter").query(Long.class).single();
		GraphQlHttp.Response again = graphql.post(GraphQlHttp.ADMIN_TOKEN, activate, Map.of("input", input));

		assertThat(first.hasErrors()).as(first.body()).isFalse();
		assertThat(again.data().at("/activatePolicy/event/activationEventId").asLong())
			.isEqualTo(first.data().at("/activatePolicy/event/activationEventId").asLong());
		assertThat(jdbc.sql("SELECT last_sequence FROM policy.event_log_counter").query(Long.class).single())
			.isEqualTo(head);
	}

	private byte[] payloadOf(String worldId) {
		return jdbc.sql("SELECT payload FROM policy.event_log WHERE subject_kind = 'world' AND subject_id = ?"
				+ " ORDER BY sequence LIMIT 1")
			.params(worldId)
			.query(byte[].class)
			.single();
	}

	private static byte[] replace(byte[] bytes, String from, String to) {
		String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
		return latin1.replace(new String(from.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1),
				new String(to.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
			.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static Map<String, Object> randomConfig(Random random, int depth) {
		Map<String, Object> config = new java.util.LinkedHashMap<>();
		int entries = random.nextInt(6);
		for (int i = 0; i < entries; i++) {
			String key = random.nextBoolean() ? "k" + random.nextInt(1000) : "\u00e9\u6c34" + i;
			Object value = switch (random.nextInt(depth < 3 ? 8 : 6)) {
				case 0 -> random.nextLong();
				case 1 -> random.nextInt(100);
				case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
				case 3 -> random.nextInt(4) == 0 ? "x".repeat(4000 + random.nextInt(2000)) : "t" + random.nextInt();
				case 4 -> random.nextBoolean();
				case 5 -> List.of(random.nextInt(10), 1.5, "s");
				default -> randomConfig(random, depth + 1);
			};
			config.put(key, value);
		}
		return config;
	}
}
