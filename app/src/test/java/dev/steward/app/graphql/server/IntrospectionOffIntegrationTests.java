package dev.steward.app.graphql.server;

import static dev.steward.app.graphql.server.RefusalAssertions.assertRefused;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"steward.security.bootstrap-token=test-bootstrap-token", "steward.graphql.introspection=false",
		"steward.graphql.graphiql-enabled=false" })
class IntrospectionOffIntegrationTests {

	final GraphQlTester graphQl;

	IntrospectionOffIntegrationTests(@Autowired WebGraphQlHandler handler) {
		this.graphQl = WebGraphQlTester.create(handler);
	}

	@Test
	void refusesASchemaQuery() {
		String document = "{ __schema { queryType { name } } }";

		GraphQlTester.Response response = graphQl.document(document).execute();

		assertRefused(response, "INTROSPECTION_DISABLED", "Introspection is switched off");
	}

	@Test
	void refusesATypeQueryInAFragment() {
		String document = "{ ...Types } fragment Types on Query { __type(name: \"Query\") { name } }";

		GraphQlTester.Response response = graphQl.document(document).execute();

		assertRefused(response, "INTROSPECTION_DISABLED", "Introspection is switched off");
	}

	@Test
	void stillAnswersTypename() {
		String document = "{ __typename }";

		GraphQlTester.Response response = graphQl.document(document).execute();

		response.errors().verify().path("__typename").entity(String.class).isEqualTo("Query");
	}
}
