package dev.steward.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.ArchRule;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LoggedEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.lang.annotation.Annotation;
import org.jmolecules.ddd.annotation.BoundedContext;
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

	private static final List<String> RINGS = List.of("domain", "application", "infrastructure");

	private StewardRules() {}

	/**
	 * Every top-level package but the kernel and the app is a bounded context that says so: its package-info carries
	 * {@code @BoundedContext} with the package's own name as id. The rules per context are generated from these
	 * declarations, so a context that forgot its declaration, or misspelt it, would otherwise be checked by none of
	 * them.
	 */
	static ArchRule everyTopLevelPackageIsADeclaredContext(String root) {
		return classes().that()
			.resideInAPackage(root + "..")
			.should(new ArchCondition<JavaClass>("belong to the kernel, the app or a declared bounded context") {

				private final Map<String, Optional<BoundedContext>> packages = new TreeMap<>();

				@Override
				public void init(Collection<JavaClass> all) {
					for (JavaClass type : all) {
						BoundedContexts.topLevelPackage(type, root)
							.filter(name -> !BoundedContexts.NOT_CONTEXTS.contains(name))
							.ifPresent(name -> packages.merge(name,
									BoundedContexts.isTopLevelPackageInfo(type, root)
											? BoundedContexts.declaration(type) : Optional.empty(),
									(one, other) -> one.isPresent() ? one : other));
					}
				}

				@Override
				public void check(JavaClass type, ConditionEvents events) {
				}

				@Override
				public void finish(ConditionEvents events) {
					packages.forEach((name, declaration) -> {
						if (declaration.isEmpty()) {
							events.add(SimpleConditionEvent.violated(name, "package " + root + "." + name
									+ " is neither the kernel nor the app, and its package-info declares no @BoundedContext"));
						}
						else if (!declaration.get().id().equals(name)) {
							events.add(SimpleConditionEvent.violated(name, "package " + root + "." + name
									+ " declares @BoundedContext(id = \"" + declaration.get().id()
									+ "\"): the id must be the package's name, " + name));
						}
					});
				}
			})
			.as("every top-level package but the kernel and the app is a declared bounded context");
	}

	/** The star: no context depends on another context, not even on its published API. */
	static ArchRule noContextDependsOnAnotherContext(String root) {
		return new PerContextRule(root, "no context depends on another context", (context, contexts) -> noClasses()
			.that()
			.resideInAPackage(context(root, context))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(contexts.stream()
				.filter(other -> !other.equals(context))
				.map(other -> context(root, other))
				.toArray(String[]::new)));
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
		return new PerContextRule(root, "contexts do not depend on the app", (context, contexts) -> noClasses()
			.that()
			.resideInAPackage(context(root, context))
			.should()
			.dependOnClassesThat(resideInAPackage(root + ".app..").or(resideInAPackage(root))));
	}

	/** Only a context itself sees its domain, application and infrastructure packages. */
	static ArchRule contextInternalsStayInside(String root) {
		return new PerContextRule(root, "a context's internals are seen only inside the context",
				(context, contexts) -> noClasses().that()
					.resideOutsideOfPackage(context(root, context))
					.should()
					.dependOnClassesThat()
					.resideInAnyPackage(internals(root, context)));
	}

	/** A context's published API (its root package) does not reach into its own internals. */
	static ArchRule publishedApiDoesNotDependOnInternals(String root) {
		return new PerContextRule(root, "a context's published API does not depend on its internals",
				(context, contexts) -> noClasses().that()
					.resideInAPackage(root + "." + context)
					.should()
					.dependOnClassesThat()
					.resideInAnyPackage(internals(root, context)));
	}

	/** GraphQL, web and servlet types belong to the app. */
	static ArchRule webAndGraphQlOnlyInApp(String root) {
		return new PerContextRule(root, "GraphQL, web and servlet types are used only in the app",
				(context, contexts) -> noClasses().that()
					.resideInAPackage(context(root, context))
					.should()
					.dependOnClassesThat()
					.resideInAnyPackage("org.springframework.graphql..", "graphql..", "org.springframework.web..",
							"org.springframework.http..", "jakarta.servlet..", "org.springframework.boot.webmvc..",
							"org.springframework.boot.web.."));
	}

	/**
	 * The published API is free of Spring (its persistence mapping annotations and {@code AbstractAggregateRoot}
	 * aside), JDBC, Jackson and GraphQL. (The domain is held to the stricter allowlist of
	 * {@link #domainDependsOnlyOnWhatItMay}.)
	 */
	static ArchRule domainIsFreeOfFrameworks(String root) {
		return new PerContextRule(root,
				"the domain and the published API are free of Spring (mapping annotations aside), JDBC, Jackson and GraphQL",
				(context, contexts) -> noClasses().that()
					.resideInAnyPackage(root + "." + context, root + "." + context + ".domain..")
					.should()
					.dependOnClassesThat(frameworkTypes()));
	}

	/**
	 * An allowlist for the domain of each context: the JDK (but JDBC), jMolecules, jspecify, the shared kernel, the
	 * context's own packages, and of Spring only what STYLE.md §4 allows (the mapping annotations and the aggregate
	 * root's event support). Anything else (a driver, a JSON or schema library, Reactor) fails it.
	 * @param exemptions dependencies tolerated for now, each named by its exact origin class and target class
	 */
	static ArchRule domainDependsOnlyOnWhatItMay(String root, List<TemporaryExemption> exemptions) {
		return new PerContextRule(root, "the domain depends only on the JDK, jMolecules, jspecify, the kernel, "
				+ "its own context and Spring's mapping annotations", (context, contexts) -> classes().that()
					.resideInAPackage(root + "." + context + ".domain..")
					.should(ArchConditions.onlyHaveDependenciesWhere(
							Dependency.Predicates.dependencyTarget(allowedInDomain(root, context))
								.or(exempted(exemptions)))));
	}

	/**
	 * The domain of a context does not use the views its context publishes: the records nested in a root package
	 * {@code *Facade} whose name ends in {@code View}, and every root package type that is {@code Keyed} (a page's
	 * items). Views are what the application layer maps the domain to for clients; a domain that builds them can
	 * no longer change without changing the published API. Its ids, status and events remain the domain's to use.
	 * @param exemptions uses tolerated for now, each named by its exact origin class and target view
	 */
	static ArchRule domainDoesNotUsePublishedViews(String root, List<TemporaryExemption> exemptions) {
		return new PerContextRule(root, "the domain does not use the views its context publishes",
				(context, contexts) -> classes().that()
					.resideInAPackage(root + "." + context + ".domain..")
					.should(ArchConditions.onlyHaveDependenciesWhere(
							not(Dependency.Predicates.dependencyTarget(publishedViews(root, context)))
								.or(exempted(exemptions)))));
	}

	/** A dependency of a domain class that the allowlist tolerates for now, and why. */
	record TemporaryExemption(String originClass, String targetClass, String reason) {
	}

	/**
	 * Only a context's infrastructure appends to its event log (the listener that appends what aggregates record)
	 * and the kernel itself: no use case or domain class writes the log by hand.
	 */
	static ArchRule onlyInfrastructureAppendsToTheLog(String root) {
		return noClasses().that()
			.resideOutsideOfPackages(root + ".*.infrastructure..", root + ".kernel..")
			.should()
			.callMethod(EventLog.class, "append", LoggedEvent.class)
			.as("only infrastructure appends to an event log");
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
				method -> inPackage(method.getOwner(), root + ".app")
						&& (annotatedWith(method, SchemaMapping.class) || annotatedWith(method, BatchMapping.class)));
		DescribedPredicate<JavaMethod> httpHandler = DescribedPredicate.describe("HTTP handlers",
				method -> inPackage(method.getOwner(), root + ".app.http")
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

	private static boolean inPackage(JavaClass type, String packageName) {
		return type.getPackageName().equals(packageName) || type.getPackageName().startsWith(packageName + ".");
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

	private static DescribedPredicate<JavaClass> allowedInDomain(String root, String context) {
		DescribedPredicate<JavaClass> jdk = resideInAPackage("java..").and(not(resideInAPackage("java.sql..")));
		DescribedPredicate<JavaClass> spring = resideInAnyPackage("org.springframework.data.annotation..",
				"org.springframework.data.relational.core.mapping..")
			.or(JavaClass.Predicates.belongToAnyOf(org.springframework.data.domain.AbstractAggregateRoot.class,
					org.springframework.data.domain.AfterDomainEventPublication.class,
					org.springframework.data.domain.DomainEvents.class));
		return DescribedPredicate.describe("primitives", JavaClass::isPrimitive)
			.or(jdk)
			.or(resideInAnyPackage("org.jmolecules..", "org.jspecify..", root + ".kernel..", context(root, context)))
			.or(spring)
			.as("the JDK, jMolecules, jspecify, the kernel, the context itself or Spring's mapping annotations");
	}

	/** The views of a context's published API: {@code *View} records of its facades, and its {@code Keyed} types. */
	private static DescribedPredicate<JavaClass> publishedViews(String root, String context) {
		String api = root + "." + context;
		String keyed = root + ".kernel.Keyed";
		return DescribedPredicate.describe("views published by " + api, type -> {
			if (!type.getPackageName().equals(api)) {
				return false;
			}
			boolean facadeView = type.getSimpleName().endsWith("View") && type.getEnclosingClass()
				.map(outer -> outer.isInterface() && outer.getSimpleName().endsWith("Facade"))
				.orElse(false);
			return facadeView || type.getAllRawInterfaces().stream().anyMatch(face -> face.getName().equals(keyed));
		});
	}

	private static DescribedPredicate<Dependency> exempted(List<TemporaryExemption> exemptions) {
		return DescribedPredicate.describe("temporarily exempted", dependency -> exemptions.stream()
			.anyMatch(exemption -> topLevelName(dependency.getOriginClass()).equals(exemption.originClass())
					&& dependency.getTargetClass().getName().equals(exemption.targetClass())));
	}

	private static String topLevelName(JavaClass type) {
		String name = type.getName();
		int nested = name.indexOf('$');
		return nested < 0 ? name : name.substring(0, nested);
	}

	private static String context(String root, String context) {
		return root + "." + context + "..";
	}

	private static String[] internals(String root, String context) {
		return RINGS.stream().map(ring -> root + "." + context + "." + ring + "..").toArray(String[]::new);
	}
}
