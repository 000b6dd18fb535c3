package dev.steward.app.graphql.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.Application;
import dev.steward.app.Callers;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.security.ApiTokens;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Steward instances on one database, as a fleet runs: a rule authored, clipped and deleted through one is
 * evaluated accordingly by the other, which hears of each change through the rules log's doorbell.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RulesOnTwoInstancesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	ApiTokens tokens;

	ConfigurableApplicationContext second;

	GraphQlHttp here;

	GraphQlHttp there;

	Callers callers;

	@BeforeEach
	void startSecondInstance() {
		// no poll tick on the second instance within a test: only bells make it read
		second = new SpringApplicationBuilder(Application.class).run("--server.port=0",
				"--steward.events.poll-interval=60s", "--spring.datasource.url=" + dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + dataSource.getUsername(),
				"--spring.datasource.password=" + (dataSource.getPassword() == null ? "" : dataSource.getPassword()));
		here = new GraphQlHttp(port);
		there = new GraphQlHttp(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
		callers = Callers.issuedBy(tokens);
	}

	@AfterEach
	void stopSecondInstance() {
		second.close();
	}

	String evaluateThere(String command) {
		return there
			.post(callers.viewer(), "query($payload: JSON!) { evaluateEvent(input: {sourceKind: COMMAND, payload: $payload}) { matches { ruleId tags { confidence } } } }",
					Map.of("payload", Map.of("command_text", command)))
			.data()
			.path("evaluateEvent")
			.path("matches")
			.toString();
	}

	String awaitThere(String command, Predicate<String> until) throws InterruptedException {
		long deadline = System.nanoTime() + 15_000_000_000L;
		String matches = evaluateThere(command);
		while (!until.test(matches) && System.nanoTime() < deadline) {
			Thread.sleep(20);
			matches = evaluateThere(command);
		}
		return matches;
	}

	@Test
	void evaluatesOnEveryInstanceWhatOneOfThemChanged() throws InterruptedException {
		String ruleId = "Fleet" + System.nanoTime() % 1_000_000;
		String command = "python3 -c 'import pty;pty.spawn(\"/bin/bash\")'";
		String before = evaluateThere(command);

		here.post(callers.author(), "mutation($yaml: String!) { upsertRule(input: {yaml: $yaml}) { rule { ruleId } } }",
				Map.of("yaml", """
						rule_id: %s
						rule_version: 1
						name: pty_upgrade
						applies_to: [command]
						match: {pattern: 'pty\\.spawn'}
						emits: [{tactic: TA0002, technique_id: T1059, sub_technique_id: T1059.006, confidence: 0.8}]
						""".formatted(ruleId)));
		String afterUpsert = awaitThere(command, matches -> matches.contains(ruleId));
		here.post(callers.operator(), "mutation($id: ID!) { setRuleState(input: {ruleId: $id, state: CLIPPED, confidenceMax: 0.25}) { rule { ruleId } } }",
				Map.of("id", ruleId));
		String afterClip = awaitThere(command, matches -> matches.contains("0.25"));
		here.post(callers.author(), "mutation($id: ID!) { deleteRule(ruleId: $id) { ruleId } }", Map.of("id", ruleId));
		String afterDelete = awaitThere(command, matches -> !matches.contains(ruleId));

		assertThat(before).doesNotContain(ruleId);
		assertThat(afterUpsert).contains(ruleId).contains("0.8");
		assertThat(afterClip).contains(ruleId).contains("0.25");
		assertThat(afterDelete).doesNotContain(ruleId);
	}
}
