package dev.steward.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.jmolecules.archunit.JMoleculesArchitectureRules;
import org.jmolecules.archunit.JMoleculesDddRules;

/** ARCHITECTURE.md §2 as rules over Steward's production classes. */
@AnalyzeClasses(packages = "dev.steward", importOptions = DoNotIncludeTests.class)
class ArchitectureTests {

	static final String ROOT = "dev.steward";

	@ArchTest
	static final ArchRule every_top_level_package_is_the_kernel_the_app_or_a_declared_context = StewardRules
		.everyTopLevelPackageIsADeclaredContext(ROOT);

	@ArchTest
	static final ArchRule no_context_depends_on_another_context = StewardRules.noContextDependsOnAnotherContext(ROOT);

	@ArchTest
	static final ArchRule the_kernel_depends_on_nothing_of_steward = StewardRules.kernelDependsOnNothingOfSteward(ROOT);

	@ArchTest
	static final ArchRule contexts_do_not_depend_on_the_app = StewardRules.contextsDoNotDependOnApp(ROOT);

	@ArchTest
	static final ArchRule context_internals_are_seen_only_inside_the_context = StewardRules
		.contextInternalsStayInside(ROOT);

	@ArchTest
	static final ArchRule published_api_does_not_depend_on_internals = StewardRules
		.publishedApiDoesNotDependOnInternals(ROOT);

	@ArchTest
	static final ArchRule only_infrastructure_appends_to_an_event_log = StewardRules
		.onlyInfrastructureAppendsToTheLog(ROOT);

	@ArchTest
	static final ArchRule graphql_web_and_servlet_types_only_in_the_app = StewardRules.webAndGraphQlOnlyInApp(ROOT);

	@ArchTest
	static final ArchRule domain_is_free_of_frameworks = StewardRules.domainIsFreeOfFrameworks(ROOT);

	@ArchTest
	static final ArchRule the_domain_depends_only_on_what_it_may = StewardRules.domainDependsOnlyOnWhatItMay(ROOT,
			DomainExemptions.TEMPORARY);

	@ArchTest
	static final ArchRule the_domain_does_not_use_the_views_its_context_publishes = StewardRules
		.domainDoesNotUsePublishedViews(ROOT, DomainExemptions.PUBLISHED_VIEWS);

	/** The exemptions only ever shrink: one whose use is gone must be dropped, not left to excuse a new one. */
	@ArchTest
	static void every_exempted_use_of_a_published_view_is_still_there(JavaClasses classes) {
		for (StewardRules.TemporaryExemption exemption : DomainExemptions.PUBLISHED_VIEWS) {
			boolean used = classes.stream()
				.filter(type -> type.getName().equals(exemption.originClass())
						|| type.getName().startsWith(exemption.originClass() + "$"))
				.flatMap(type -> type.getDirectDependenciesFromSelf().stream())
				.anyMatch(dependency -> dependency.getTargetClass().getName().equals(exemption.targetClass()));
			assertThat(used).as("%s still uses %s; if not, drop its exemption", exemption.originClass(),
					exemption.targetClass())
				.isTrue();
		}
	}

	@ArchTest
	static final ArchRule application_does_not_depend_on_infrastructure = StewardRules
		.applicationDoesNotDependOnInfrastructure(ROOT);

	@ArchTest
	static final ArchRule packages_are_free_of_cycles = StewardRules.packagesAreFreeOfCycles(ROOT);

	@ArchTest
	static final ArchRule packages_are_null_marked = StewardRules.packagesAreNullMarked(ROOT);

	@ArchTest
	static final ArchRule every_operation_declares_who_may_run_it = StewardRules.operationsDeclareWhoMayRunThem(ROOT);

	@ArchTest
	static final ArchRule ddd_building_blocks_follow_jmolecules = JMoleculesDddRules.all();

	@ArchTest
	static final ArchRule rings_follow_the_simplified_onion = JMoleculesArchitectureRules.ensureOnionSimple();
}
