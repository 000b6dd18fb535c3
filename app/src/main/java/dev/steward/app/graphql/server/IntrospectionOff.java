package dev.steward.app.graphql.server;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.Introspection;
import graphql.introspection.IntrospectionDisabledError;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Switches introspection off for each request through graphql-java's per-request switch, and gives its refusal the
 * {@code INTROSPECTION_DISABLED} code. Spring Boot's {@code spring.graphql.schema.introspection.enabled} uses
 * graphql-java's JVM-wide switch instead, which would reach every GraphQL engine in the JVM.
 */
class IntrospectionOff extends SimplePerformantInstrumentation {

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		input.getGraphQLContext().put(Introspection.INTROSPECTION_DISABLED, true);
		return input;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (result.getErrors().stream().noneMatch(IntrospectionDisabledError.class::isInstance)) {
			return CompletableFuture.completedFuture(result);
		}
		List<GraphQLError> errors = result.getErrors().stream().map(IntrospectionOff::withCode).toList();
		return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
	}

	private static GraphQLError withCode(GraphQLError error) {
		if (error instanceof IntrospectionDisabledError) {
			return RefusalCode.INTROSPECTION_DISABLED.error(error.getLocations(),
					"Introspection is switched off on this server (steward.graphql.introspection).");
		}
		return error;
	}
}
