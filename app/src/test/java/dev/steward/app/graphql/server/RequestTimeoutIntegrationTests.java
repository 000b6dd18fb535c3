package dev.steward.app.graphql.server;

import static dev.steward.app.graphql.server.RefusalAssertions.assertRefused;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import reactor.core.publisher.Mono;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "steward.security.bootstrap-token=test-bootstrap-token", "steward.graphql.timeout=500ms" })
@Import(RequestTimeoutIntegrationTests.SlowRequests.class)
class RequestTimeoutIntegrationTests {

	final GraphQlTester graphQl;

	RequestTimeoutIntegrationTests(@Autowired WebGraphQlHandler handler) {
		this.graphQl = WebGraphQlTester.create(handler);
	}

	@Test
	void answersARequestThatOutlastsTheTimeoutWithAnError() {
		GraphQlTester.Request<?> request = graphQl.document("{ __typename }").extension("delayMillis", 5000);

		GraphQlTester.Response response = request.execute();

		assertRefused(response, "REQUEST_TIMEOUT", "did not finish within the limit of 500 ms");
	}

	@Test
	void answersARequestThatFinishesInTime() {
		GraphQlTester.Request<?> request = graphQl.document("{ __typename }").extension("delayMillis", 50);

		GraphQlTester.Response response = request.execute();

		response.errors().verify().path("__typename").entity(String.class).isEqualTo("Query");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SlowRequests {

		/** Holds a request back for its {@code delayMillis} extension, inside the timeout. */
		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		WebGraphQlInterceptor delay() {
			return (request, chain) -> {
				if (!(request.getExtensions().get("delayMillis") instanceof Number millis)) {
					return chain.next(request);
				}
				return Mono.delay(Duration.ofMillis(millis.longValue())).then(Mono.defer(() -> chain.next(request)));
			};
		}
	}
}
