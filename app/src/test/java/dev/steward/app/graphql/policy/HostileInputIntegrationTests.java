package dev.steward.app.graphql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user's mistakes, sent as a user would over HTTP: each gets a clear code of its own (never {@code INTERNAL},
 * never a 5xx), writes nothing to the policy log or its views, and leaves no stack trace in the server's log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIntegrationTests {

	static final String UPSERT = """
			mutation($id: ID!, $variant: String!, $content: JSON!) {
			  upsertPolicyVariant(input: {policyId: $id, variant: $variant, policyVersion: 1, status: DRAFT, content: $content}) {
			    variant { id }
			  }
			}""";

	static final String ACTIVATE = """
			mutation($world: ID!, $profile: String, $id: ID!, $variant: String!) {
			  activatePolicy(input: {worldId: $world, clientProfile: $profile, policyId: $id, variant: $variant}) {
			    event { id }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	GraphQlHttp graphql;

	String policy;

	@BeforeEach
	void client() {
		graphql = new GraphQlHttp(port);
		policy = "prompt:hostile" + UUID.randomUUID().toString().replace("-", "") + ":greeting";
	}

	@Test
	void aBuiltInTypeNameCannotBeRegistered(CapturedOutput output) {
		refused(output, "POLICY_TYPE_EXISTS", () -> graphql.post(GraphQlHttp.ADMIN_TOKEN, """
				mutation { registerPolicyType(input: {name: "location", layer: CONTENT, jsonSchema: {type: "object"}}) {
				  policyType { name } } }"""));
	}

	@Test
	void aNulCharacterInAnyTextIsRefusedBeforeAnythingRuns(CapturedOutput output) {
		String world = graphql.createWorld(GraphQlHttp.ADMIN_TOKEN);
		refused(output, "INVALID_ARGUMENT", () -> upsert(policy + "\u0000", "v1", Map.of("text", "hi")));
		refused(output, "INVALID_ARGUMENT", () -> upsert(policy, "v\u00001", Map.of("text", "hi")));
		refused(output, "INVALID_ARGUMENT", () -> upsert(policy, "v1", Map.of("text", "h\u0000i")));
		refused(output, "INVALID_ARGUMENT", () -> activate(world + "\u0000", "", policy, "v1"));
		refused(output, "INVALID_ARGUMENT", () -> activate(world, "mob\u0000ile", policy, "v1"));
		refused(output, "INVALID_ARGUMENT", () -> graphql.post(GraphQlHttp.ADMIN_TOKEN,
				"query($after: String) { worlds(after: $after) { edges { cursor } } }", Map.of("after", "a\u0000b")));
		assertThat(runsOf(policy)).isZero();
	}

	@Test
	void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark(CapturedOutput output) {
		refused(output, "INVALID_ARGUMENT", () -> graphql.postRaw(GraphQlHttp.ADMIN_TOKEN, """
				{"query": "%s", "variables": {"id": "%s", "variant": "v1", "content": {"text": "a\\ud800b"}}}"""
			.formatted(UPSERT.replace("\n", " ").replace("\"", "\\\""), policy)));
		assertThat(runsOf(policy)).isZero();
	}

	@Test
	void aTenThousandCharacterIdOrVariantNameIsRefused(CapturedOutput output) {
		String longKey = "k".repeat(10_000);
		refused(output, "INVALID_ARGUMENT", () -> upsert("prompt:ns:" + longKey, "v1", Map.of("text", "hi")));
		refused(output, "INVALID_ARGUMENT", () -> upsert(policy, "v".repeat(10_000), Map.of("text", "hi")));
		assertThat(runsOf(policy)).isZero();
	}

	@Test
	void contentThatIsNotAJsonObjectIsRefused(CapturedOutput output) {
		refused(output, "INVALID_ARGUMENT", () -> upsert(policy, "v1", "just a string"));
		refused(output, "INVALID_ARGUMENT", () -> upsert(policy, "v1", List.of(1, 2)));
		assertThat(runsOf(policy)).isZero();
	}

	@Test
	void contentNestedTooDeepIsRefusedAsAGraphQlError(CapturedOutput output) {
		String thousandLevels = "{\"n\":".repeat(1000) + "true" + "}".repeat(1000);
		refused(output, "BAD_REQUEST", () -> graphql.postRaw(GraphQlHttp.ADMIN_TOKEN, """
				{"query": "%s", "variables": {"id": "%s", "variant": "v1", "content": %s}}"""
			.formatted(UPSERT.replace("\n", " ").replace("\"", "\\\""), policy, thousandLevels)));
		Object justTooDeep = Map.of("leaf", true);
		for (int level = 1; level < 33; level++) {
			justTooDeep = Map.of("n", justTooDeep);
		}
		Object thirtyThreeLevels = justTooDeep;
		refused(output, "INVALID_ARGUMENT", () -> upsert(policy, "v1", thirtyThreeLevels));
		assertThat(runsOf(policy)).isZero();
	}

	@Test
	void contentLargerThanTheLimitIsVariantTooLarge(CapturedOutput output) {
		refused(output, "VARIANT_TOO_LARGE", () -> upsert(policy, "v1", Map.of("text", "x".repeat(1_100_000))));
		assertThat(runsOf(policy)).isZero();
	}

	@Test
	void parseAndValidationErrorsCarryTheirCodes(CapturedOutput output) {
		refused(output, "GRAPHQL_PARSE_FAILED", () -> graphql.post(GraphQlHttp.ADMIN_TOKEN, "{ worlds { "));
		refused(output, "GRAPHQL_VALIDATION_FAILED", () -> graphql.post(GraphQlHttp.ADMIN_TOKEN, "{ noSuchField }"));
	}

	@Test
	void activatingAVariantOfAnUnknownTypeIsPolicyTypeUnsupported(CapturedOutput output) {
		String world = graphql.createWorld(GraphQlHttp.ADMIN_TOKEN);
		refused(output, "POLICY_TYPE_UNSUPPORTED", () -> activate(world, "", "nosuchtype:x:y", "v1"));
	}

	private Response upsert(String id, String variant, Object content) {
		return graphql.post(GraphQlHttp.ADMIN_TOKEN, UPSERT, Map.of("id", id, "variant", variant, "content", content));
	}

	private Response activate(String world, String profile, String id, String variant) {
		return graphql.post(GraphQlHttp.ADMIN_TOKEN, ACTIVATE,
				Map.of("world", world, "profile", profile, "id", id, "variant", variant));
	}

	/**
	 * Sends the request and checks it was refused as a client's mistake with {@code code},
	 * that the policy log did not grow, and that nothing like a stack trace was logged meanwhile.
	 */
	private Response refused(CapturedOutput output, String code, java.util.function.Supplier<Response> request) {
		long head = head();
		int logged = output.getAll().length();

		Response response = request.get();

		assertThat(response.status()).as(response.body()).isLessThan(500);
		assertThat(response.hasErrors()).as(response.body()).isTrue();
		assertThat(response.errorCode()).as(response.body()).isEqualTo(code);
		assertThat(head()).isEqualTo(head);
		assertThat(output.getAll().substring(logged)).doesNotContain("\tat ").doesNotContain("Exception");
		return response;
	}

	private long head() {
		return jdbc.sql("SELECT coalesce(max(sequence), 0) FROM policy.event_log").query(Long.class).single();
	}

	private long runsOf(String id) {
		return jdbc.sql("SELECT count(*) FROM policy.validation_run WHERE policy_id LIKE ?")
			.param(id.substring(0, 20) + "%")
			.query(Long.class)
			.single();
	}
}
