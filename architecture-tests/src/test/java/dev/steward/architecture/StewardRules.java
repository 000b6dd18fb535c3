package dev.steward.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.lang.annotation.Annotation;
import org.jspecify.annotations.NullMarked;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The module rules of ARCHITECTURE.md §2, written for any root package, so that the same rule that guards
 * {@code dev.steward} can be shown to fail on a fixture package.
 */
final class StewardRules {

	static final List<String> CONTEXTS = List.of("policy", "rules", "registry", "retention");

	private static final List<String> RINGS = List.of("domain", "application", "infrastructure");

	private StewardRules() {}

	/** The star: no context depends on another context, not even on its published API. */
	static ArchRule noContextDependsOnAnotherContext(String root) {
		return CompositeArchRule.of(CONTEXTS.stream()
			.map(context -> noClasses().that()
				.resideInAPackage(context(root, context))
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(CONTEXTS.stream()
					.filter(other -> !other.equals(context))
					.map(other -> context(root, other))
					.toArray(String[]::new))
				.allowEmptyShould(true))
			.map(ArchRule.class::cast)
			.toList()).as("no context depends on another context");
	}

	/**
	 * The shared kernel depends on nothing of Steward's: no context, not the app, not the application class.
	 * Every context may depend on it.
	 */
	static ArchRule kernelDependsOnNothingOfSteward(String root) {
		return noClasses().that()
			.resideInAPackage(root + ".kernel..")
			.should()
			.dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(root + ".kernel.."))))
			.as("the kernel depends on nothing of Steward's");
	}

	/** Contexts never depend on the application that assembles them. */
	static ArchRule contextsDoNotDependOnApp(String root) {
		return noClasses().that()
			.resideInAnyPackage(allContexts(root))
			.should()
			.dependOnClassesThat(resideInAPackage(root + ".app..").or(resideInAPackage(root)))
			.as("contexts do not depend on the app");
	}

	/** Only a context itself sees its domain, application and infrastructure packages. */
	static ArchRule contextInternalsStayInside(String root) {
		return CompositeArchRule.of(CONTEXTS.stream()
			.map(context -> noClasses().that()
				.resideOutsideOfPackage(context(root, context))
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(RINGS.stream().map(ring -> root + "." + context + "." + ring + "..")
					.toArray(String[]::new))
				.allowEmptyShould(true))
			.map(ArchRule.class::cast)
			.toList()).as("a context's internals are seen only inside the context");
	}

	/** A context's published API (its root package) does not reach into its own internals. */
	static ArchRule publishedApiDoesNotDependOnInternals(String root) {
		return CompositeArchRule.of(CONTEXTS.stream()
			.map(context -> noClasses().that()
				.resideInAPackage(root + "." + context)
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(RINGS.stream().map(ring -> root + "." + context + "." + ring + "..")
					.toArray(String[]::new))
				.allowEmptyShould(true))
			.map(ArchRule.class::cast)
			.toList()).as("a context's published API does not depend on its internals");
	}

	/** GraphQL, web and servlet types belong to the app. */
	static ArchRule webAndGraphQlOnlyInApp(String root) {
		return noClasses().that()
			.resideInAnyPackage(allContexts(root))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.graphql..", "graphql..", "org.springframework.web..",
					"org.springframework.http..", "jakarta.servlet..", "org.springframework.boot.webmvc..",
					"org.springframework.boot.web..")
			.as("GraphQL, web and servlet types are used only in the app");
	}

	/**
	 * The domain and the published API are free of Spring (its persistence mapping annotations and
	 * {@code AbstractAggregateRoot} aside), JDBC, Jackson and GraphQL.
	 */
	static ArchRule domainIsFreeOfFrameworks(String root) {
		String[] domainAndApi = CONTEXTS.stream()
			.flatMap(context -> java.util.stream.Stream.of(root + "." + context, root + "." + context + ".domain.."))
			.toArray(String[]::new);
		return noClasses().that()
			.resideInAnyPackage(domainAndApi)
			.should()
			.dependOnClassesThat(frameworkTypes())
			.as("the domain and the published API are free of Spring (mapping annotations aside), JDBC, Jackson and GraphQL");
	}

	/** The application ring never reaches into infrastructure. */
	static ArchRule applicationDoesNotDependOnInfrastructure(String root) {
		return noClasses().that()
			.resideInAPackage(root + ".*.application..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(root + ".*.infrastructure..")
			.as("application does not depend on infrastructure");
	}

	/** No two packages depend on each other, directly or through others. */
	static ArchRule packagesAreFreeOfCycles(String root) {
		return slices().matching(root + ".(**)").should().beFreeOfCycles().as("packages are free of cycles");
	}

	/** Every package declares its nullness: {@code @NullMarked} on its package-info. */
	static ArchRule packagesAreNullMarked(String root) {
		return classes().that()
			.resideInAPackage(root + "..")
			.and()
			.haveSimpleName("package-info")
			.should()
			.beAnnotatedWith(NullMarked.class)
			.as("every package is @NullMarked");
	}

	/**
	 * Who may run an operation is declared on it: every GraphQL mapping of the app (query, mutation, subscription,
	 * schema and batch mappings) and every handler of its plain HTTP controllers carries {@code @PreAuthorize},
	 * directly, through a meta-annotation such as {@code @RequiresRole}, or on its class. An operation open to any
	 * caller says so ({@code isAuthenticated()}, {@code permitAll()}) rather than saying nothing.
	 */
	static ArchRule operationsDeclareWhoMayRunThem(String root) {
		DescribedPredicate<JavaMethod> graphQlMapping = DescribedPredicate.describe("GraphQL mappings",
				method -> method.getOwner().getPackageName().startsWith(root + ".app")
						&& (annotatedWith(method, SchemaMapping.class) || annotatedWith(method, BatchMapping.class)));
		DescribedPredicate<JavaMethod> httpHandler = DescribedPredicate.describe("HTTP handlers",
				method -> method.getOwner().getPackageName().startsWith(root + ".app.http")
						&& annotatedWith(method, RequestMapping.class));
		ArchCondition<JavaMethod> declaresPreAuthorize = new ArchCondition<>(
				"declare @PreAuthorize, directly, through a meta-annotation or on their class") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				boolean declared = annotatedWith(method, PreAuthorize.class)
						|| annotatedWith(method.getOwner(), PreAuthorize.class);
				if (!declared) {
					events.add(SimpleConditionEvent.violated(method,
							method.getFullName() + " declares no @PreAuthorize, on itself or its class"));
				}
			}
		};
		return methods().that(graphQlMapping.or(httpHandler))
			.should(declaresPreAuthorize)
			.as("every GraphQL mapping and HTTP handler of the app declares who may run it");
	}

	private static boolean annotatedWith(CanBeAnnotated element, Class<? extends Annotation> annotation) {
		return element.isAnnotatedWith(annotation) || element.isMetaAnnotatedWith(annotation);
	}

	private static DescribedPredicate<JavaClass> frameworkTypes() {
		DescribedPredicate<JavaClass> springOutsideMapping = resideInAPackage("org.springframework..")
			.and(not(resideInAnyPackage("org.springframework.data.annotation..",
					"org.springframework.data.relational.core.mapping..")))
			.and(not(JavaClass.Predicates.belongToAnyOf(org.springframework.data.domain.AbstractAggregateRoot.class)));
		return springOutsideMapping
			.or(resideInAnyPackage("java.sql..", "javax.sql..", "com.fasterxml.jackson..", "tools.jackson..",
					"graphql.."))
			.as("Spring outside its mapping annotations, JDBC, Jackson or GraphQL");
	}

	private static String context(String root, String context) {
		return root + "." + context + "..";
	}

	private static String[] allContexts(String root) {
		return CONTEXTS.stream().map(context -> context(root, context)).toArray(String[]::new);
	}
}
