package dev.steward.policy.application;

import dev.steward.policy.PolicyStatus;

import dev.steward.policy.PolicyLayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyFacade.RegisterPolicyType;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A built-in type's name cannot be registered, and a registration an earlier version accepted is removed. */
@SpringBootTest
class BuiltInTypeNamesIntegrationTests {

	@Autowired
	PolicyFacade policies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void refusesToRegisterABuiltInNameAndKeepsVariantsWorking() {
		long before = head();

		assertThatExceptionOfType(PolicyException.class)
			.isThrownBy(() -> policies.registerPolicyType(
					new RegisterPolicyType("location", PolicyLayer.CONTENT, Map.of("type", "object"), "admin")))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(PolicyErrorCode.POLICY_TYPE_EXISTS))
			.withMessageContaining("built-in");

		assertThat(head()).isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM policy.policy_type WHERE name = 'location'").query(Long.class).single())
			.isZero();
		String policy = "prompt:ns" + UUID.randomUUID().toString().replace("-", "") + ":greeting";
		assertThat(policies.upsert(new UpsertPolicyVariant(policy, "v1", "1.0", 1, PolicyStatus.DRAFT, Map.of("text", "hi"),
				null, "alice")).policyId()).isEqualTo(policy);
	}

	@Test
	void theRepairMigrationRemovesATypeRegisteredUnderABuiltInName() throws Exception {
		String repair = new ClassPathResource(
				"db/migration/policy/V20261128200000__policy_drop_types_registered_under_built_in_names.sql")
			.getContentAsString(StandardCharsets.UTF_8);

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			jdbc.sql("""
					INSERT INTO policy.policy_type (name, layer, json_schema, registered_by)
					VALUES ('prompt', 'content', '{}'::jsonb, 'earlier')""").update();
			jdbc.sql("SET LOCAL search_path TO policy").update();
			jdbc.sql(repair).update();

			assertThat(jdbc.sql("SELECT count(*) FROM policy.policy_type WHERE name = 'prompt'")
				.query(Long.class)
				.single()).isZero();
			status.setRollbackOnly();
		});
	}

	private long head() {
		return jdbc.sql("SELECT last_sequence FROM policy.event_log_counter").query(Long.class).single();
	}
}
