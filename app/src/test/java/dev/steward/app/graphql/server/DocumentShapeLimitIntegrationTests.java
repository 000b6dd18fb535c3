package dev.steward.app.graphql.server;

import static dev.steward.app.graphql.server.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/** Fragments are counted, and selections counted with fragments expanded, before validation runs. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DocumentShapeLimitIntegrationTests {

	final GraphQlTester graphQl;

	DocumentShapeLimitIntegrationTests(@Autowired WebGraphQlHandler handler) {
		this.graphQl = WebGraphQlTester.create(handler);
	}

	@Test // GH-9
	void refusesAChainOfThreeHundredFragments() {
		String document = chain(300);

		GraphQlTester.Response response = graphQl.document(document).execute();

		assertThat(document.length()).isBetween(9_000, 16_384);
		assertRefused(response, "TOO_MANY_FRAGMENTS", "defines 300 fragments, more than the limit of 100");
	}

	@Test // GH-9
	void acceptsAChainOfAsManyFragmentsAsTheLimit() {
		GraphQlTester.Response response = graphQl.document(chain(100)).execute();

		response.errors().verify().path("__typename").entity(String.class).isEqualTo("Query");
	}

	@Test // GH-9
	void refusesFragmentsThatDoubleAtEachLevel() {
		StringBuilder document = new StringBuilder("query { ...F0 }\n");
		for (int i = 0; i < 20; i++) {
			document.append("fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F")
				.append(i + 1).append(" }\n");
		}
		document.append("fragment F20 on Query { __typename }\n");

		GraphQlTester.Response response = graphQl.document(document.toString()).execute();

		assertRefused(response, "TOO_MANY_SELECTIONS", "more than 5000 selections once its fragments are expanded");
	}

	/** A query spreading F0, each fragment selecting __typename and spreading the next. */
	private static String chain(int fragments) {
		StringBuilder document = new StringBuilder("query { ...F0 }\n");
		for (int i = 0; i < fragments; i++) {
			document.append("fragment F").append(i).append(" on Query { __typename");
			if (i + 1 < fragments) {
				document.append(" ...F").append(i + 1);
			}
			document.append(" }\n");
		}
		return document.toString();
	}
}
