package dev.steward.app.graphql.server;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.language.SourceLocation;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * Why Steward refused a request without running it, sent to the client as the error's {@code extensions.code}.
 * These codes are part of the API: clients may rely on them.
 */
enum RefusalCode {

	DOCUMENT_TOO_LARGE(ErrorType.BAD_REQUEST),
	QUERY_TOO_DEEP(ErrorType.BAD_REQUEST),
	QUERY_TOO_COSTLY(ErrorType.BAD_REQUEST),
	TOO_MANY_ALIASES(ErrorType.BAD_REQUEST),
	INTROSPECTION_DISABLED(ErrorType.BAD_REQUEST),
	TOO_MANY_FRAGMENTS(ErrorType.BAD_REQUEST),
	TOO_MANY_SELECTIONS(ErrorType.BAD_REQUEST),
	INVALID_ARGUMENT(ErrorType.BAD_REQUEST),
	SUBSCRIPTION_NEEDS_WEBSOCKET(ErrorType.BAD_REQUEST),
	TOO_MANY_SUBSCRIPTIONS(ErrorType.BAD_REQUEST),
	REQUEST_TIMEOUT(graphql.ErrorType.ExecutionAborted);

	private final ErrorClassification classification;

	RefusalCode(ErrorClassification classification) {
		this.classification = classification;
	}

	GraphQLError error(List<SourceLocation> locations, String message, Object... arguments) {
		return GraphqlErrorBuilder.newError()
			.message(message, arguments)
			.locations(locations.isEmpty() ? null : locations)
			.errorType(classification)
			.extensions(Map.of("code", name()))
			.build();
	}

	GraphQLError error(String message, Object... arguments) {
		return error(List.of(), message, arguments);
	}

	/** An exception that makes graphql-java answer with this error instead of running the operation. */
	AbortExecutionException abort(String message, Object... arguments) {
		return new AbortExecutionException(List.of(error(message, arguments)));
	}

	/** A response to the given request that holds only this error. */
	WebGraphQlResponse response(WebGraphQlRequest request, String message, Object... arguments) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error(message, arguments)).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}
}
