package dev.steward.app.graphql.errors;

import dev.steward.app.events.SubscriberFellBehind;
import dev.steward.app.security.RoleRefusal;
import dev.steward.app.security.StewardPrincipal;
import dev.steward.app.security.UnauthenticatedError;
import dev.steward.kernel.CodedException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Turns every failure of a field into a GraphQL error with a stable {@code extensions.code} and a
 * classification. Unexpected failures are logged with an id and reach the client as {@code INTERNAL} with that id
 * only: no message, stack trace or SQL.
 */
@ControllerAdvice
class GraphQlErrors {

	private static final Logger LOG = LoggerFactory.getLogger(GraphQlErrors.class);

	static final ErrorClassification CONFLICT = ErrorClassification.errorClassification("CONFLICT");

	@GraphQlExceptionHandler
	GraphQLError refused(CodedException ex, DataFetchingEnvironment environment) {
		ErrorClassification classification = switch (ex.code().kind()) {
			case BAD_REQUEST -> ErrorType.BAD_REQUEST;
			case NOT_FOUND -> ErrorType.NOT_FOUND;
			case CONFLICT -> CONFLICT;
			case FORBIDDEN -> ErrorType.FORBIDDEN;
			case INTERNAL -> ErrorType.INTERNAL_ERROR;
		};
		return error(environment, classification, ex.code().code(), ex.getMessage());
	}

	@GraphQlExceptionHandler
	GraphQLError invalidArgument(InvalidArgumentError ex, DataFetchingEnvironment environment) {
		return error(environment, ErrorType.BAD_REQUEST, "INVALID_ARGUMENT", ex.getMessage());
	}

	/** Not a failure of the server: the connection is closed with 4413 and the client resumes with after. */
	@GraphQlExceptionHandler
	GraphQLError fellBehind(SubscriberFellBehind ex, DataFetchingEnvironment environment) {
		return error(environment, ErrorType.BAD_REQUEST, "SUBSCRIBER_FELL_BEHIND", ex.getMessage());
	}

	/**
	 * Method security refused the operation ({@code @RequiresRole}): {@code FORBIDDEN} for a caller whose role falls
	 * short, {@code UNAUTHENTICATED} for an operation that carries no principal.
	 */
	@GraphQlExceptionHandler
	GraphQLError forbidden(AccessDeniedException ex, DataFetchingEnvironment environment) {
		StewardPrincipal principal = environment.getGraphQlContext().get(StewardPrincipal.CONTEXT_KEY);
		if (principal == null) {
			return unauthenticated(environment);
		}
		return error(environment, ErrorType.FORBIDDEN, "FORBIDDEN", RoleRefusal.message(ex, principal));
	}

	/** Method security found no authentication at all. */
	@GraphQlExceptionHandler
	GraphQLError unauthenticated(AuthenticationException ex, DataFetchingEnvironment environment) {
		return unauthenticated(environment);
	}

	@GraphQlExceptionHandler
	GraphQLError unauthenticated(UnauthenticatedError ex, DataFetchingEnvironment environment) {
		return error(environment, ErrorType.UNAUTHORIZED, "UNAUTHENTICATED", ex.getMessage());
	}

	@GraphQlExceptionHandler
	GraphQLError unexpected(Exception ex, DataFetchingEnvironment environment) {
		String incident = UUID.randomUUID().toString();
		LOG.error("Unexpected failure of {} (incident {})", environment.getExecutionStepInfo().getPath(), incident,
				ex);
		return error(environment, ErrorType.INTERNAL_ERROR, "INTERNAL",
				"Internal error; the server log has the details under incident " + incident);
	}

	private static GraphQLError unauthenticated(DataFetchingEnvironment environment) {
		return error(environment, ErrorType.UNAUTHORIZED, "UNAUTHENTICATED", "This needs a bearer token");
	}

	private static GraphQLError error(DataFetchingEnvironment environment, ErrorClassification classification,
			String code, String message) {
		return GraphqlErrorBuilder.newError(environment)
			.errorType(classification)
			.message(message)
			.extensions(Map.of("code", code, "classification", classification.toString()))
			.build();
	}
}
