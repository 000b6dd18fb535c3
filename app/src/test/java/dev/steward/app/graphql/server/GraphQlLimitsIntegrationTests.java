package dev.steward.app.graphql.server;

import static dev.steward.app.graphql.server.RefusalAssertions.assertRefused;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/** Each limit at its default, with a document just within it and one just beyond. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "steward.security.bootstrap-token=test-bootstrap-token")
class GraphQlLimitsIntegrationTests {

	final GraphQlTester graphQl;

	GraphQlLimitsIntegrationTests(@Autowired WebGraphQlHandler handler) {
		this.graphQl = WebGraphQlTester.create(handler);
	}

	@Test
	void acceptsADocumentOfTheMaximumSize() {
		String document = GraphQlDocuments.ofSize(16384);

		GraphQlTester.Response response = graphQl.document(document).execute();

		response.errors().verify().path("__typename").entity(String.class).isEqualTo("Query");
	}

	@Test
	void rejectsADocumentLargerThanTheLimit() {
		String document = GraphQlDocuments.ofSize(16385);

		GraphQlTester.Response response = graphQl.document(document).execute();

		assertRefused(response, "DOCUMENT_TOO_LARGE", "16385 characters, more than the limit of 16384");
	}

	@Test
	void acceptsAQueryAsDeepAsTheLimit() {
		String document = GraphQlDocuments.ofDepth(12);

		GraphQlTester.Response response = graphQl.document(document).execute();

		response.errors().verify().path("__type.ofType").valueIsNull();
	}

	@Test
	void rejectsAQueryDeeperThanTheLimit() {
		String document = GraphQlDocuments.ofDepth(13);

		GraphQlTester.Response response = graphQl.document(document).execute();

		assertRefused(response, "QUERY_TOO_DEEP", "13 levels deep, more than the limit of 12");
	}

	@Test
	void acceptsAQueryThatCostsTheLimit() {
		String document = GraphQlDocuments.ofCost(2000);

		GraphQlTester.Response response = graphQl.document(document).execute();

		response.errors().verify().path("__type.name").entity(String.class).isEqualTo("Query");
	}

	@Test
	void rejectsAQueryThatCostsMoreThanTheLimit() {
		String document = GraphQlDocuments.ofCost(2001);

		GraphQlTester.Response response = graphQl.document(document).execute();

		assertRefused(response, "QUERY_TOO_COSTLY", "costs 2001, more than the limit of 2000");
	}

	@Test
	void acceptsAsManyAliasesAsTheLimit() {
		String document = GraphQlDocuments.withAliases(30);

		GraphQlTester.Response response = graphQl.document(document).execute();

		response.errors().verify().path("a30").entity(String.class).isEqualTo("Query");
	}

	@Test
	void rejectsMoreAliasesThanTheLimit() {
		String document = GraphQlDocuments.withAliases(31);

		GraphQlTester.Response response = graphQl.document(document).execute();

		assertRefused(response, "TOO_MANY_ALIASES", "31 aliases, more than the limit of 30");
	}

	@Test
	void answersIntrospectionWhenItIsOn() {
		String document = "{ __schema { queryType { name } } }";

		GraphQlTester.Response response = graphQl.document(document).execute();

		response.errors().verify().path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
	}
}
