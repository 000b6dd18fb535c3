package dev.steward.app.graphql.server;

import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.validation.ValidationError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a document with more aliases than the limit, counting every alias written in it (operations and
 * fragments alike). It runs before validation, whose cost grows quickly with the number of aliased fields.
 */
class AliasLimit extends SimplePerformantInstrumentation {

	private final int maxAliases;

	AliasLimit(int maxAliases) {
		this.maxAliases = maxAliases;
	}

	@Override
	public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
			InstrumentationValidationParameters parameters, InstrumentationState state) {
		int aliases = aliasesIn(parameters.getDocument());
		if (aliases > maxAliases) {
			throw RefusalCode.TOO_MANY_ALIASES.abort("The document has %d aliases, more than the limit of %d.",
					aliases, maxAliases);
		}
		return super.beginValidation(parameters, state);
	}

	static int aliasesIn(Document document) {
		AliasCounter counter = new AliasCounter();
		new NodeTraverser().preOrder(counter, document);
		return counter.aliases;
	}

	private static final class AliasCounter extends NodeVisitorStub {

		private int aliases;

		@Override
		public TraversalControl visitField(Field field, TraverserContext<Node> context) {
			if (field.getAlias() != null) {
				aliases++;
			}
			return TraversalControl.CONTINUE;
		}
	}
}
