package dev.steward.app.graphql.server;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/** Refuses a document longer than the limit before graphql-java parses it. */
record DocumentSizeLimit(int maxCharacters) implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		int size = request.getDocument().length();
		if (size > maxCharacters) {
			return Mono.just(RefusalCode.DOCUMENT_TOO_LARGE.response(request,
					"The document has %d characters, more than the limit of %d.", size, maxCharacters));
		}
		return chain.next(request);
	}
}
