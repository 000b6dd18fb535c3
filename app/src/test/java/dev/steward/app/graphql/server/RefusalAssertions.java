package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Checks that a request was refused as a whole: no data, one error with the given code. */
final class RefusalAssertions {

	private RefusalAssertions() {
	}

	static void assertRefused(GraphQlTester.Response response, String code, String message) {
		GraphQlResponse refusal = response.returnResponse();
		assertThat(refusal.<Object>getData()).isNull();
		assertThat(refusal.getErrors()).singleElement().satisfies(error -> {
			assertThat(error.getExtensions()).containsEntry("code", code);
			assertThat(error.getMessage()).contains(message);
		});
	}
}
