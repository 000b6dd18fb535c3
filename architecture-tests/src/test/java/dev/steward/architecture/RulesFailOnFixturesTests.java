package dev.steward.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.jmolecules.archunit.JMoleculesArchitectureRules;
import org.jmolecules.archunit.JMoleculesDddRules;
import org.junit.jupiter.api.Test;

/**
 * Every architecture rule, run on a fixture that breaks it, reports exactly the violation the fixture plants
 * and nothing else: a rule that cannot fail guards nothing.
 */
class RulesFailOnFixturesTests {

	static final String FIXTURES = "dev.steward.architecture.fixtures";

	@Test
	void starReportsAContextThatDependsOnAnother() {
		List<String> violations = violations(StewardRules.noContextDependsOnAnotherContext(root("star")), "star");

		assertThat(violations).singleElement()
			.asString()
			.contains("PolicyReadsRules.rule")
			.contains("fixtures.star.rules.Rule");
	}

	@Test
	void reportsTheKernelDependingOnAContextButNotAContextOnTheKernel() {
		List<String> violations = violations(StewardRules.kernelDependsOnNothingOfSteward(root("kernel")), "kernel");

		assertThat(violations).singleElement()
			.asString()
			.contains("KernelKnowsPolicy.world")
			.contains("fixtures.kernel.policy.World");
	}

	@Test
	void reportsAContextThatDependsOnTheApp() {
		List<String> violations = violations(StewardRules.contextsDoNotDependOnApp(root("app")), "app");

		assertThat(violations).singleElement()
			.asString()
			.contains("PolicyNeedsApp.wiring")
			.contains("fixtures.app.app.Wiring");
	}

	@Test
	void reportsTheAppReachingIntoAContextsInternalsButNotItsApi() {
		List<String> violations = violations(StewardRules.contextInternalsStayInside(root("internals")), "internals");

		assertThat(violations).singleElement()
			.asString()
			.contains("AppPeeksIntoPolicy.internal")
			.contains("PolicyInternal");
	}

	@Test
	void reportsAPublishedApiThatDependsOnItsInternals() {
		List<String> violations = violations(StewardRules.publishedApiDoesNotDependOnInternals(root("api")), "api");

		assertThat(violations).singleElement()
			.asString()
			.contains("PolicyApiLeaksInternal.adapter")
			.contains("PolicyAdapter");
	}

	@Test
	void reportsAContextThatUsesWebTypes() {
		List<String> violations = violations(StewardRules.webAndGraphQlOnlyInApp(root("web")), "web");

		assertThat(violations).singleElement()
			.asString()
			.contains("RulesSpeaksHttp.status")
			.contains("org.springframework.http.HttpStatus");
	}

	@Test
	void reportsATopLevelPackageWithoutBoundedContextAndAMisspeltOneButNotTheKernelOrTheApp() {
		List<String> violations = violations(StewardRules.everyTopLevelPackageIsADeclaredContext(root("contexts")),
				"contexts");

		assertThat(violations).containsExactly(
				"package " + root("contexts") + ".billing is neither the kernel nor the app, and its package-info "
						+ "declares no @BoundedContext",
				"package " + root("contexts") + ".rules declares @BoundedContext(id = \"rulez\"): the id must be the "
						+ "package's name, rules");
	}

	@Test
	void aRulePerContextCoversOnlyDeclaredContextsAndFailsWhenThereIsNone() {
		JavaClasses contexts = new ClassFileImporter().importPackages(root("contexts"));
		JavaClasses none = new ClassFileImporter().importPackages(root("kernel"));

		assertThat(BoundedContexts.in(contexts, root("contexts"))).containsExactly("policy", "rules");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> StewardRules.noContextDependsOnAnotherContext(root("kernel")).evaluate(none))
			.withMessageContaining("No package under " + root("kernel") + " declares @BoundedContext");
	}

	@Test
	void domainAllowlistReportsADriverASchemaLibraryAndReactorButNotWhatItAllows() {
		List<String> violations = violations(StewardRules.domainDependsOnlyOnWhatItMay(root("allowlist"), List.of()),
				"allowlist");

		assertThat(violations).hasSize(3)
			.allSatisfy(violation -> assertThat(violation).contains("PackageUsesForbiddenLibraries"));
		assertThat(violations).anySatisfy(violation -> assertThat(violation).contains("org.postgresql.util.PGobject"));
		assertThat(violations).anySatisfy(violation -> assertThat(violation).contains("com.networknt.schema.Schema"));
		assertThat(violations).anySatisfy(violation -> assertThat(violation).contains("reactor.core.publisher.Mono"));
	}

	@Test
	void domainAllowlistExemptsOnlyTheExactDependencyNamed() {
		StewardRules.TemporaryExemption driver = new StewardRules.TemporaryExemption(
				root("allowlist") + ".registry.domain.PackageUsesForbiddenLibraries", "org.postgresql.util.PGobject",
				"fixture");

		List<String> violations = violations(
				StewardRules.domainDependsOnlyOnWhatItMay(root("allowlist"), List.of(driver)), "allowlist");

		assertThat(violations).hasSize(2).noneSatisfy(violation -> assertThat(violation).contains("PGobject"));
	}

	@Test
	void reportsTheDomainUsingAPublishedViewOrPageItemButNotTheIdsAndCommands() {
		List<String> violations = violations(StewardRules.domainDoesNotUsePublishedViews(root("views"), List.of()),
				"views");

		assertThat(violations).hasSize(3)
			.noneSatisfy(violation -> assertThat(violation).containsAnyOf("OrderFacade$PlaceOrder", "OrderId>"));
		assertThat(violations).anySatisfy(violation -> assertThat(violation).contains("Order.view()")
			.contains("has return type <" + root("views") + ".shop.OrderFacade$OrderView>"));
		assertThat(violations).anySatisfy(violation -> assertThat(violation).contains("Order.view()")
			.contains("calls constructor <" + root("views") + ".shop.OrderFacade$OrderView.<init>"));
		assertThat(violations).anySatisfy(violation -> assertThat(violation).contains("Shelf.rows")
			.contains("depends on component type <" + root("views") + ".shop.OrderFacade$OrderRow>"));
	}

	@Test
	void domainViewsRuleExemptsOnlyTheExactUseNamed() {
		StewardRules.TemporaryExemption shelf = new StewardRules.TemporaryExemption(
				root("views") + ".shop.domain.Shelf", root("views") + ".shop.OrderFacade$OrderRow", "fixture");

		List<String> violations = violations(
				StewardRules.domainDoesNotUsePublishedViews(root("views"), List.of(shelf)), "views");

		assertThat(violations).hasSize(2)
			.allSatisfy(violation -> assertThat(violation).contains("Order.view()").contains("OrderFacade$OrderView"));
	}

	@Test
	void reportsJdbcInTheDomainButNotMappingAnnotations() {
		List<String> violations = violations(StewardRules.domainIsFreeOfFrameworks(root("domain")), "domain");

		assertThat(violations).singleElement()
			.asString()
			.contains("PackageUsesJdbc.jdbc")
			.contains("org.springframework.jdbc.core.JdbcTemplate");
	}

	@Test
	void reportsAUseCaseThatAppendsToTheLogButNotTheAppender() {
		List<String> violations = violations(StewardRules.onlyInfrastructureAppendsToTheLog(root("appending")),
				"appending");

		assertThat(violations).singleElement()
			.asString()
			.contains("RecordsByHand.record")
			.contains("EventLog.append");
	}

	@Test
	void reportsApplicationCodeThatUsesInfrastructure() {
		List<String> violations = violations(StewardRules.applicationDoesNotDependOnInfrastructure(root("layers")),
				"layers");

		assertThat(violations).singleElement()
			.asString()
			.contains("RetentionManagement.classes")
			.contains("JdbcRetentionClasses");
	}

	@Test
	void reportsAPackageCycle() {
		List<String> violations = violations(StewardRules.packagesAreFreeOfCycles(root("cycle")), "cycle");

		assertThat(violations).singleElement()
			.asString()
			.contains("Cycle detected")
			.contains("First.second")
			.contains("Second.first");
	}

	@Test
	void reportsAPackageThatIsNotNullMarked() {
		List<String> violations = violations(StewardRules.packagesAreNullMarked(root("nullness")), "nullness");

		assertThat(violations).singleElement().asString().contains("nullness.unmarked.package-info");
	}

	@Test
	void reportsOperationsThatDeclareNoRoleButNotThoseDeclaredDirectlyByMetaAnnotationOrOnTheClass() {
		List<String> violations = violations(StewardRules.operationsDeclareWhoMayRunThem(root("authorization")),
				"authorization");

		assertThat(violations).hasSize(2);
		assertThat(violations).anySatisfy(violation -> assertThat(violation).contains("WorldsController.createWorld()")
			.contains("declares no @PreAuthorize"));
		assertThat(violations).anySatisfy(violation -> assertThat(violation).contains("ArtifactController.manifest()")
			.contains("declares no @PreAuthorize"));
	}

	@Test
	void jMoleculesRulesReportAnAggregateHeldByObject() {
		List<String> violations = violations(JMoleculesDddRules.all(), "ddd");

		assertThat(violations).singleElement()
			.asString()
			.contains("Order.customer")
			.contains("Customer");
	}

	@Test
	void onionRulesReportTheDomainRingUsingTheApplicationRing() {
		List<String> violations = violations(JMoleculesArchitectureRules.ensureOnionSimple(), "onion");

		assertThat(violations).singleElement()
			.asString()
			.contains("Aggregate.useCase")
			.contains("UseCase");
	}

	private static String root(String fixture) {
		return FIXTURES + "." + fixture;
	}

	private static List<String> violations(ArchRule rule, String fixture) {
		JavaClasses classes = new ClassFileImporter().importPackages(root(fixture));
		EvaluationResult result = rule.evaluate(classes);
		return result.getFailureReport().getDetails();
	}
}
