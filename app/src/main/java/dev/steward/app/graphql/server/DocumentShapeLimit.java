package dev.steward.app.graphql.server;

import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.validation.ValidationError;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the work of validating a document proportional to its size: refuses a document with more fragment
 * definitions than the limit, or whose operations together, or any one fragment, hold more selections than the limit
 * once every fragment spread is replaced by the fragment's selections. Counting takes one pass over the document (each
 * fragment's expansion is computed once), and it runs before validation, whose cost grows with the expansion.
 */
class DocumentShapeLimit extends SimplePerformantInstrumentation {

	private final int maxFragments;

	private final int maxSelections;

	DocumentShapeLimit(int maxFragments, int maxSelections) {
		this.maxFragments = maxFragments;
		this.maxSelections = maxSelections;
	}

	@Override
	public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
			InstrumentationValidationParameters parameters, InstrumentationState state) {
		Document document = parameters.getDocument();
		List<FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class);
		if (fragments.size() > maxFragments) {
			throw RefusalCode.TOO_MANY_FRAGMENTS.abort("The document defines %d fragments, more than the limit of %d.",
					fragments.size(), maxFragments);
		}
		long selections = new Expansion(fragments, maxSelections).of(document);
		if (selections > maxSelections) {
			throw RefusalCode.TOO_MANY_SELECTIONS.abort(
					"The document holds more than %d selections once its fragments are expanded.", maxSelections);
		}
		return super.beginValidation(parameters, state);
	}

	/** Selection counts with fragments expanded, saturating just above the limit so that nothing overflows. */
	static final class Expansion {

		private final Map<String, FragmentDefinition> fragments = new HashMap<>();

		private final Map<String, Long> sizes = new HashMap<>();

		private final Set<String> expanding = new HashSet<>();

		private final long cap;

		Expansion(List<FragmentDefinition> definitions, int limit) {
			definitions.forEach(definition -> fragments.putIfAbsent(definition.getName(), definition));
			this.cap = (long) limit + 1;
		}

		long of(Document document) {
			long total = 0;
			for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
				total = Math.min(cap, total + of(operation.getSelectionSet()));
			}
			for (String name : fragments.keySet()) {
				total = Math.max(total, fragment(name));
			}
			return total;
		}

		private long of(@Nullable SelectionSet selectionSet) {
			if (selectionSet == null) {
				return 0;
			}
			long total = 0;
			for (Selection<?> selection : selectionSet.getSelections()) {
				long size = switch (selection) {
					case Field field -> 1 + of(field.getSelectionSet());
					case InlineFragment inline -> of(inline.getSelectionSet());
					case FragmentSpread spread -> fragment(spread.getName());
					default -> 1;
				};
				total = Math.min(cap, total + size);
				if (total >= cap) {
					return cap;
				}
			}
			return total;
		}

		/** A fragment's expanded size; an unknown fragment or a cycle counts nothing (validation refuses both). */
		private long fragment(String name) {
			Long known = sizes.get(name);
			if (known != null) {
				return known;
			}
			FragmentDefinition definition = fragments.get(name);
			if (definition == null || !expanding.add(name)) {
				return 0;
			}
			long size = of(definition.getSelectionSet());
			expanding.remove(name);
			sizes.put(name, size);
			return size;
		}
	}
}
