package dev.steward.app.graphql.server;

import java.time.Duration;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Answers a request that has not finished within the timeout with a {@code REQUEST_TIMEOUT} error, and stops
 * waiting for it. Spring's {@code TimeoutWebGraphQlInterceptor} does the same but answers with an HTTP status and no
 * GraphQL error. For a subscription the timeout ends when its stream starts.
 */
record RequestTimeout(Duration timeout) implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request)
			.timeout(timeout, Mono.fromSupplier(() -> RefusalCode.REQUEST_TIMEOUT.response(request,
					"The request did not finish within the limit of %d ms.", timeout.toMillis())));
	}
}
