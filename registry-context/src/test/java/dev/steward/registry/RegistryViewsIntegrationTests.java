package dev.steward.registry;

import static dev.steward.registry.RegistryFixtures.ACTOR;
import static dev.steward.registry.RegistryFixtures.created;
import static dev.steward.registry.RegistryFixtures.upload;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.registry.RegistryFacade.PackageView;
import dev.steward.registry.RegistryFacade.RegistryViewsVerification;
import dev.steward.registry.RegistryFacade.ViewDifference;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class RegistryViewsIntegrationTests {

	@Autowired
	RegistryFacade registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aRebuildAgreesWithViewsThatEveryKindOfChangeWrote() {
		PackageView pkg = created(registry);
		upload(registry, pkg, "a.txt", "rebuild a " + pkg.id());
		registry.finalizePackage(pkg.id().toString(), ACTOR);
		registry.purgePackage(pkg.id(), false);

		RegistryViewsVerification verification = registry.verifyViews();

		assertThat(verification.differences()).isEmpty();
		assertThat(verification.replayed()).isPositive();
	}

	@Test
	void findsARowThatTheLogDoesNotExplain() { // the check can fail
		PackageView pkg = created(registry);
		upload(registry, pkg, "b.txt", "rebuild b " + pkg.id());
		TransactionTemplate planted = new TransactionTemplate(transactions);

		RegistryViewsVerification verification = Objects.requireNonNull(planted.execute(status -> {
			status.setRollbackOnly();
			jdbc.sql("UPDATE registry.package SET name = 'tampered' WHERE id = ?").param(pkg.id().id()).update();
			jdbc.sql("UPDATE registry.package_file SET size_bytes = size_bytes + 1 WHERE package_id = ?")
				.param(pkg.id().id())
				.update();
			return registry.verifyViews();
		}));

		assertThat(verification.clean()).isFalse();
		assertThat(verification.differences()).contains(
				new ViewDifference("package", pkg.id().toString(), "only in the log"),
				new ViewDifference("package", pkg.id().toString(), "only in the view"));
		assertThat(verification.differences()).extracting(ViewDifference::view).contains("package_file");
		assertThat(registry.verifyViews().differences()).isEmpty();
	}
}
