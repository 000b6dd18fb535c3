package dev.steward.app.graphql.server;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import dev.steward.kernel.Page;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds every string argument and input field to the bound its {@code @text} directive declares ({@link TextBound}),
 * after validation and before any resolver runs, on every transport: arguments written in the document and those
 * given through variables alike, inside input objects and lists too. A value out of bounds refuses the whole
 * request with {@code INVALID_ARGUMENT} and a message naming the argument's path (e.g.
 * {@code createWorld.input.name}); nothing runs, so nothing is written. One line is logged per refusal, without a
 * stack trace.
 */
class TextBounds extends SimplePerformantInstrumentation {

	private static final Logger LOG = LoggerFactory.getLogger(TextBounds.class);

	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext execution = parameters.getExecutionContext();
		Check check = new Check();
		QueryTraverser.newQueryTraverser()
			.schema(execution.getGraphQLSchema())
			.document(execution.getDocument())
			.operationName(execution.getExecutionInput().getOperationName())
			.coercedVariables(execution.getCoercedVariables())
			.build()
			.visitPreOrder(check);
		if (check.problem != null) {
			LOG.info("Refused a GraphQL request: {}", check.problem);
			throw new AbortExecutionException(
					List.of(RefusalCode.INVALID_ARGUMENT.error(check.locations, "%s", check.problem)));
		}
		return super.beginExecuteOperation(parameters, state);
	}

	private static final class Check extends QueryVisitorStub {

		private @Nullable String problem;

		private List<graphql.language.SourceLocation> locations = List.of();

		@Override
		public void visitField(QueryVisitorFieldEnvironment environment) {
			if (problem != null || environment.getFieldDefinition().getName().startsWith("__")) {
				return;
			}
			Map<String, Object> values = environment.getArguments();
			String connectionSize = connectionSizeProblem(environment, values);
			if (connectionSize != null) {
				problem = connectionSize;
				locations = environment.getField().getSourceLocation() == null ? List.of()
						: List.of(environment.getField().getSourceLocation());
				return;
			}
			for (GraphQLArgument argument : environment.getFieldDefinition().getArguments()) {
				String found = problemIn(environment.getField().getName() + "." + argument.getName(),
						argument.getType(), TextBound.of(argument), values.get(argument.getName()));
				if (found != null) {
					problem = found;
					locations = environment.getField().getSourceLocation() == null ? List.of()
							: List.of(environment.getField().getSourceLocation());
					return;
				}
			}
		}

		/**
		 * A connection's {@code first} (or {@code last}) out of 0 to {@value Page#MAX_SIZE}: Spring's scroll
		 * subrange would drop a negative one silently and serve the default page, so it is refused here, for every
		 * connection alike.
		 */
		private static @Nullable String connectionSizeProblem(QueryVisitorFieldEnvironment environment,
				Map<String, Object> values) {
			if (!(GraphQLTypeUtil.unwrapAll(environment.getFieldDefinition().getType()) instanceof GraphQLNamedType type)
					|| !type.getName().endsWith("Connection")) {
				return null;
			}
			for (String name : List.of("first", "last")) {
				if (values.get(name) instanceof Number size && (size.longValue() < 0 || size.longValue() > Page.MAX_SIZE)) {
					return "Argument " + environment.getField().getName() + "." + name + " must be between 0 and "
							+ Page.MAX_SIZE + ", was " + size + ".";
				}
			}
			return null;
		}

		private static @Nullable String problemIn(String path, GraphQLInputType type, @Nullable TextBound bound,
				@Nullable Object value) {
			if (value == null) {
				return null;
			}
			GraphQLInputType unwrapped = (GraphQLInputType) GraphQLTypeUtil.unwrapNonNull(type);
			if (unwrapped instanceof GraphQLList list && value instanceof List<?> items) {
				for (int i = 0; i < items.size(); i++) {
					String found = problemIn(path + "[" + i + "]", (GraphQLInputType) list.getWrappedType(), bound,
							items.get(i));
					if (found != null) {
						return found;
					}
				}
				return null;
			}
			if (unwrapped instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
				for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
					String found = problemIn(path + "." + field.getName(), field.getType(), TextBound.of(field),
							fields.get(field.getName()));
					if (found != null) {
						return found;
					}
				}
				return null;
			}
			if (bound != null && value instanceof String text) {
				String flaw = bound.problemWith(text);
				return flaw == null ? null : "Argument " + path + " " + flaw + ".";
			}
			return null;
		}
	}
}
