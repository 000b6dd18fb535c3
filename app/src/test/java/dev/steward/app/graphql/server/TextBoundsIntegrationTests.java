package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import graphql.schema.GraphQLInputObjectType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each kind of string bound, tried over HTTP with a value one character too long and with a control character:
 * the request is refused as a whole with INVALID_ARGUMENT naming the argument, nothing is written, and the log
 * holds no stack trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class TextBoundsIntegrationTests {

	static final String CREATE_WORLD = """
			mutation($input: CreateWorldInput!) { createWorld(input: $input) { world { id description } } }""";

	static final String ADMIN = GraphQlHttp.ADMIN_TOKEN;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GraphQlSource graphQlSource;

	GraphQlHttp graphql;

	@BeforeEach
	void client() {
		graphql = new GraphQlHttp(port);
	}

	@Test
	void anIdOfOneCharacterTooManyIsRefusedAndNothingIsWritten(CapturedOutput output) {
		String id = "w".repeat(129);

		Response refused = graphql.post(ADMIN, CREATE_WORLD, Map.of("input", world(id, "Name", "")));

		assertRefused(refused, "createWorld.input.id", "at most 128 characters; this one has 129");
		assertThat(worlds(id)).isZero();
		assertNoStackTrace(output);
	}

	@Test
	void anIdWithAControlCharacterIsRefused(CapturedOutput output) {
		String id = "world\t" + UUID.randomUUID();

		Response refused = graphql.post(ADMIN, CREATE_WORLD, Map.of("input", world(id, "Name", "")));

		assertRefused(refused, "createWorld.input.id", "must not contain control characters (U+0009 at position 5)");
		assertThat(worlds(id)).isZero();
		assertNoStackTrace(output);
	}

	@Test
	void aNameOfOneCharacterTooManyOrWithALineBreakIsRefused(CapturedOutput output) {
		String tooLong = anyId();
		String withLineBreak = anyId();

		Response longName = graphql.post(ADMIN, CREATE_WORLD, Map.of("input", world(tooLong, "n".repeat(201), "")));
		Response brokenName = graphql.post(ADMIN, CREATE_WORLD, Map.of("input", world(withLineBreak, "a\nb", "")));

		assertRefused(longName, "createWorld.input.name", "at most 200 characters; this one has 201");
		assertRefused(brokenName, "createWorld.input.name", "must not contain control characters (U+000A");
		assertThat(worlds(tooLong) + worlds(withLineBreak)).isZero();
		assertNoStackTrace(output);
	}

	@Test
	void aDescriptionTakesLineBreaksAndTabsButNoOtherControlCharacterAndNoMoreThanItsLimit(CapturedOutput output) {
		String tooLong = anyId();
		String withBell = anyId();
		String multiline = anyId();

		Response longDescription = graphql.post(ADMIN, CREATE_WORLD,
				Map.of("input", world(tooLong, "Name", "d".repeat(2001))));
		Response bell = graphql.post(ADMIN, CREATE_WORLD, Map.of("input", world(withBell, "Name", "ring\u0007")));
		Response accepted = graphql.post(ADMIN, CREATE_WORLD,
				Map.of("input", world(multiline, "Name", "line one\r\n\tline two")));

		assertRefused(longDescription, "createWorld.input.description", "at most 2000 characters; this one has 2001");
		assertRefused(bell, "createWorld.input.description",
				"must not contain control characters other than tab, line feed and carriage return (U+0007");
		assertThat(accepted.hasErrors()).as(accepted.body()).isFalse();
		assertThat(accepted.data().path("createWorld").path("world").path("description").asString())
			.isEqualTo("line one\r\n\tline two");
		assertThat(worlds(tooLong) + worlds(withBell)).isZero();
		assertNoStackTrace(output);
	}

	@Test
	void aCursorWrittenInTheDocumentIsHeldToItsBoundToo(CapturedOutput output) {
		String tooLong = "c".repeat(513);

		Response longCursor = graphql.post(ADMIN, "{ worlds(first: 1, after: \"" + tooLong + "\") { edges { cursor } } }");
		Response controlCursor = graphql.post(ADMIN, "{ worlds(first: 1, after: \"abc\\u001fdef\") { edges { cursor } } }");

		assertRefused(longCursor, "worlds.after", "at most 512 characters; this one has 513");
		assertRefused(controlCursor, "worlds.after", "must not contain control characters (U+001F at position 3)");
		assertNoStackTrace(output);
	}

	@ParameterizedTest
	@ValueSource(strings = { "worlds", "packages", "rules" })
	void aConnectionsPageSizeOutOfRangeIsRefusedEverywhere(String connection, CapturedOutput output) {
		Response negative = graphql.post(ADMIN, "{ " + connection + "(first: -1) { edges { cursor } } }");
		Response tooMany = graphql.post(ADMIN, "query($n: Int) { " + connection + "(first: $n) { edges { cursor } } }",
				Map.of("n", 101));

		assertRefused(negative, connection + ".first", "must be between 0 and 100, was -1");
		assertRefused(tooMany, connection + ".first", "must be between 0 and 100, was 101");
		assertNoStackTrace(output);
	}

	@Test
	void anIdempotencyKeyOfOneCharacterTooManyIsRefusedBeforeTheActivationIsLookedAt(CapturedOutput output) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("worldId", "no-such-world");
		input.put("policyId", "prompt_template:default:none");
		input.put("variant", "v1");
		input.put("idempotencyKey", "k".repeat(201));

		Response refused = graphql.post(ADMIN,
				"mutation($input: ActivatePolicyInput!) { activatePolicy(input: $input) { event { id } } }",
				Map.of("input", input));

		assertRefused(refused, "activatePolicy.input.idempotencyKey", "at most 200 characters; this one has 201");
		assertNoStackTrace(output);
	}

	@Test
	void theSchemaStatesEachBoundInTheDescription() {
		GraphQLInputObjectType input = (GraphQLInputObjectType) graphQlSource.schema().getType("CreateWorldInput");

		assertThat(input.getField("name").getDescription())
			.isEqualTo("At most 200 characters; no control characters.");
		assertThat(input.getField("description").getDescription()).isEqualTo(
				"At most 2000 characters; tab, line feed and carriage return are the only control characters allowed.");
		assertThat(input.getField("id").getDescription()).startsWith("1 to 128 characters")
			.endsWith("At most 128 characters; no control characters.");
	}

	private static void assertRefused(Response response, String path, String problem) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.data().isNull() || response.data().isMissingNode()).as(response.body()).isTrue();
		assertThat(response.json().path("errors").size()).isEqualTo(1);
		assertThat(response.errorCode()).isEqualTo("INVALID_ARGUMENT");
		assertThat(response.json().path("errors").path(0).path("message").asString())
			.startsWith("Argument " + path + " ")
			.contains(problem);
	}

	private static void assertNoStackTrace(CapturedOutput output) {
		assertThat(output.getOut()).doesNotContain("\tat ").doesNotContain(" ERROR ");
	}

	private long worlds(String id) {
		return jdbc.sql("SELECT count(*) FROM policy.world WHERE id = ?").param(id).query(Long.class).single();
	}

	private static Map<String, Object> world(String id, String name, String description) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("id", id);
		input.put("name", name);
		input.put("description", description);
		return input;
	}

	private static String anyId() {
		return "bounds-" + UUID.randomUUID();
	}
}
