package dev.steward.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A rule stated once and applied to each bounded context found in the classes under test: the contexts are the
 * packages whose package-info carries {@code @BoundedContext} ({@link BoundedContexts}), never a list written by
 * hand, so a new context is covered the moment it declares itself. Where there is no context at all, the rule
 * fails rather than pass empty; {@link StewardRules#everyTopLevelPackageIsADeclaredContext} reports a context that
 * forgot to declare itself.
 */
final class PerContextRule implements ArchRule {

	private final String root;

	private final BiFunction<String, List<String>, ArchRule> perContext;

	private final String description;

	/**
	 * @param perContext the rule for one context, given the context's name and the names of all contexts
	 */
	PerContextRule(String root, String description, BiFunction<String, List<String>, ArchRule> perContext) {
		this.root = root;
		this.perContext = perContext;
		this.description = description;
	}

	@Override
	public EvaluationResult evaluate(JavaClasses classes) {
		List<String> contexts = BoundedContexts.in(classes, root);
		if (contexts.isEmpty()) {
			throw new AssertionError("No package under " + root + " declares @BoundedContext: '" + description
					+ "' would check nothing");
		}
		List<ArchRule> rules = contexts.stream().map(context -> perContext.apply(context, contexts)).toList();
		return CompositeArchRule.of(rules).as(description).evaluate(classes);
	}

	@Override
	public void check(JavaClasses classes) {
		Assertions.assertNoViolation(evaluate(classes));
	}

	@Override
	public ArchRule because(String reason) {
		return new PerContextRule(root, description + ", because " + reason, perContext);
	}

	/** Not offered: an empty context is a mistake this rule exists to catch. */
	@Override
	public ArchRule allowEmptyShould(boolean allowEmptyShould) {
		throw new UnsupportedOperationException("A rule per bounded context never allows an empty should");
	}

	@Override
	public ArchRule as(String newDescription) {
		return new PerContextRule(root, newDescription, perContext);
	}

	@Override
	public String getDescription() {
		return description;
	}
}
