package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Callers;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.security.ApiTokens;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each distinct document is parsed and validated once; what comes with it (variables, operation name, extensions)
 * is read and checked on every request, and the cache holds a bounded amount of text.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DocumentCacheIntegrationTests {

	static final String WORLD = "query($id: ID!) { world(id: $id) { id name } }";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	DocumentCache cache;

	GraphQlHttp http;

	String viewer;

	String operator;

	@BeforeEach
	void setUp() {
		http = new GraphQlHttp(port);
		Callers callers = Callers.issuedBy(tokens);
		viewer = callers.viewer();
		operator = callers.operator();
	}

	@Test
	void theSameDocumentWithOtherVariablesAnswersForThoseVariables() {
		String one = http.createWorld(operator);
		String two = http.createWorld(operator);

		GraphQlHttp.Response first = http.post(viewer, WORLD, Map.of("id", one));
		GraphQlHttp.Response second = http.post(viewer, WORLD, Map.of("id", two));
		GraphQlHttp.Response none = http.post(viewer, WORLD, Map.of("id", "no-such-world-" + one));

		assertThat(first.data().path("world").path("id").asString()).isEqualTo(one);
		assertThat(second.data().path("world").path("id").asString()).isEqualTo(two);
		assertThat(none.data().path("world").isNull()).isTrue();
	}

	@Test
	void variablesAreCheckedOnEveryRequestEvenForAKnownDocument() {
		String world = http.createWorld(operator);
		assertThat(http.post(viewer, WORLD, Map.of("id", world)).hasErrors()).isFalse();

		GraphQlHttp.Response refused = http.post(viewer, WORLD, Map.of("id", "a\u0000b"));

		assertThat(refused.errorCode()).isEqualTo("INVALID_ARGUMENT");
		assertThat(refused.body()).contains("a NUL character (in variables.id)");
	}

	@Test
	void aDocumentThatFailsValidationFailsEveryTimeAndAffectsNoOther() {
		String invalid = "{ world(id: \"x\") { noSuchField } }";

		GraphQlHttp.Response first = http.post(viewer, invalid);
		GraphQlHttp.Response again = http.post(viewer, invalid);
		GraphQlHttp.Response valid = http.post(viewer, "{ world(id: \"x\") { id } }");

		assertThat(first.errorCode()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(valid.hasErrors()).isFalse();
	}

	@Test
	void aDocumentRefusedByALimitIsRefusedEveryTime() {
		String document = GraphQlDocuments.withAliases(31);

		for (int i = 0; i < 3; i++) {
			assertThat(http.post(viewer, document).errorCode()).isEqualTo("TOO_MANY_ALIASES");
		}
	}

	@Test
	void aDocumentIsParsedAndValidatedOnceAndReturnedOnlyForItsOwnText() {
		DocumentCache small = new DocumentCache(10_000);
		AtomicInteger parses = new AtomicInteger();
		String one = "{ one: __typename }";
		String two = "{ two: __typename }";

		Document first = documentOf(small, one, parses);
		Document again = documentOf(small, one, parses);
		Document other = documentOf(small, two, parses);

		assertThat(again).isSameAs(first);
		assertThat(other).isNotSameAs(first);
		assertThat(other.toString()).contains("two");
		assertThat(parses).hasValue(2);
	}

	@Test
	void holdsNoMoreTextThanItsBound() {
		DocumentCache small = new DocumentCache(2_000);
		AtomicInteger parses = new AtomicInteger();

		for (int i = 0; i < 500; i++) {
			documentOf(small, "{ a" + i + ": __typename " + "b: __typename ".repeat(5) + "}", parses);
		}

		// each document is about 90 characters: at most 2,000 / 90 of them fit
		assertThat(small.size()).isBetween(1L, 23L);
		assertThat(parses).hasValue(500);
	}

	private static Document documentOf(DocumentCache cache, String text, AtomicInteger parses) {
		ExecutionInput input = ExecutionInput.newExecutionInput(text).build();
		PreparsedDocumentEntry entry = cache.getDocumentAsync(input, parsed -> {
			parses.incrementAndGet();
			return new PreparsedDocumentEntry(Parser.parse(parsed.getQuery()));
		}).join();
		return entry.getDocument();
	}
}
