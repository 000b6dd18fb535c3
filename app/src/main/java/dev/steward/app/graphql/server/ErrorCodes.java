package dev.steward.app.graphql.server;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The last word on every response, for every transport: a document that does not parse gets the code
 * {@code GRAPHQL_PARSE_FAILED}, one that does not validate {@code GRAPHQL_VALIDATION_FAILED}. Over WebSocket, a
 * request refused before it ran (no data, only errors) is answered with a graphql-ws {@code error} message rather
 * than {@code next} and {@code complete}. Over HTTP, a subscription is refused with
 * {@code SUBSCRIPTION_NEEDS_WEBSOCKET}.
 */
class ErrorCodes implements WebGraphQlInterceptor {

	static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";

	static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> shape(request, response));
	}

	private static WebGraphQlResponse shape(WebGraphQlRequest request, WebGraphQlResponse response) {
		List<GraphQLError> errors = response.getExecutionResult().getErrors();
		boolean coded = errors.stream().anyMatch(ErrorCodes::needsCode);
		if (coded) {
			List<GraphQLError> withCodes = errors.stream().map(ErrorCodes::withCode).toList();
			response = response.transform(builder -> builder.errors(withCodes));
			errors = withCodes;
		}
		Object data = response.getData();
		boolean webSocket = request instanceof WebSocketGraphQlRequest;
		if (!webSocket && data instanceof Publisher<?>) {
			return RefusalCode.SUBSCRIPTION_NEEDS_WEBSOCKET.response(request,
					"Subscriptions run over WebSocket (graphql-transport-ws) at this endpoint, not over HTTP.");
		}
		if (webSocket && data == null && !errors.isEmpty()) {
			List<GraphQLError> refusal = errors;
			return response.transform(builder -> builder
				.data(Flux.error(new SubscriptionPublisherException(refusal, null))));
		}
		return response;
	}

	private static boolean needsCode(GraphQLError error) {
		return codeFor(error.getErrorType()) != null
				&& (error.getExtensions() == null || !error.getExtensions().containsKey("code"));
	}

	private static GraphQLError withCode(GraphQLError error) {
		if (!needsCode(error)) {
			return error;
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.getExtensions() != null) {
			extensions.putAll(error.getExtensions());
		}
		extensions.put("code", codeFor(error.getErrorType()));
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(extensions)
			.build();
	}

	private static @org.jspecify.annotations.Nullable String codeFor(ErrorClassification classification) {
		if (classification == graphql.ErrorType.InvalidSyntax) {
			return PARSE_FAILED;
		}
		if (classification == graphql.ErrorType.ValidationError) {
			return VALIDATION_FAILED;
		}
		return null;
	}
}
