package dev.steward.app.graphql.server;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.StringValue;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses, before validation and so before any resolver, a request whose text holds a NUL or a lone surrogate: in
 * a string literal of the document (arguments, defaults, directives), in any variable (however deeply nested, keys
 * included), in the extensions or in the operation name. Such text is never a legitimate value, and PostgreSQL
 * would refuse it deep inside a resolver. Invalid UTF-8 never gets this far: the HTTP gate and the WebSocket
 * container refuse it while decoding. One line is logged per refusal, without a stack trace.
 */
class TextGuard extends SimplePerformantInstrumentation {

	private static final Logger LOG = LoggerFactory.getLogger(TextGuard.class);

	@Override
	public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
			InstrumentationValidationParameters parameters, InstrumentationState state) {
		refuse(problemIn(parameters.getDocument()));
		return super.beginValidation(parameters, state);
	}

	/**
	 * The request's own text, checked for every request: a parsed and validated document is reused for the same
	 * text (see {@link DocumentCache}), so that the document is checked once, but the variables, extensions and
	 * operation name that come with it never are.
	 */
	@Override
	public @Nullable InstrumentationContext<ExecutionResult> beginExecution(
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		ExecutionInput input = parameters.getExecutionInput();
		String problem = problemIn("variables", input.getRawVariables().toMap());
		if (problem == null) {
			problem = problemIn("extensions", input.getExtensions());
		}
		if (problem == null) {
			problem = problemIn("operationName", input.getOperationName());
		}
		refuse(problem);
		return super.beginExecution(parameters, state);
	}

	private static void refuse(@Nullable String problem) {
		if (problem != null) {
			LOG.info("Refused a GraphQL request: {}", problem);
			throw RefusalCode.INVALID_ARGUMENT.abort("Text must not contain %s.", problem);
		}
	}

	/** What is wrong with the text, or null when nothing is. */
	static @Nullable String flaw(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return "a NUL character";
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return "a lone surrogate";
			}
			if (Character.isLowSurrogate(c)) {
				return "a lone surrogate";
			}
		}
		return null;
	}

	private static @Nullable String problemIn(String where, @Nullable Object value) {
		if (value instanceof String text) {
			String flaw = flaw(text);
			return flaw == null ? null : flaw + " (in " + where + ")";
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String problem = problemIn(where, entry.getKey());
				if (problem == null) {
					problem = problemIn(where + "." + safe(entry.getKey()), entry.getValue());
				}
				if (problem != null) {
					return problem;
				}
			}
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				String problem = problemIn(where + "[" + i + "]", list.get(i));
				if (problem != null) {
					return problem;
				}
			}
		}
		return null;
	}

	private static String safe(@Nullable Object key) {
		String name = String.valueOf(key);
		return flaw(name) == null && name.length() <= 64 ? name : "?";
	}

	private static @Nullable String problemIn(Document document) {
		LiteralCheck check = new LiteralCheck();
		new NodeTraverser().preOrder(check, document);
		return check.problem;
	}

	private static final class LiteralCheck extends NodeVisitorStub {

		private @Nullable String problem;

		@Override
		public TraversalControl visitStringValue(StringValue node, TraverserContext<Node> context) {
			String flaw = flaw(node.getValue());
			if (flaw != null) {
				problem = flaw + " (in a string literal at line " + node.getSourceLocation().getLine() + ")";
				return TraversalControl.QUIT;
			}
			return TraversalControl.CONTINUE;
		}
	}
}
