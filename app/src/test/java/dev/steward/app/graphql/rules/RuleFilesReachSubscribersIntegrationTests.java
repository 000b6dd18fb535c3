package dev.steward.app.graphql.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Callers;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import dev.steward.app.security.ApiTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The filesystem store end to end: a rule file saved, renamed over or deleted in the watched directory reaches a
 * graphql-ws subscriber of ruleChanges as exactly one change, and evaluation uses it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RuleFilesReachSubscribersIntegrationTests {

	static final Path DIRECTORY = temporaryDirectory();

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	GraphQlHttp graphql;

	Callers callers;

	@DynamicPropertySource
	static void filesystemStore(DynamicPropertyRegistry properties) {
		properties.add("steward.rules.store", () -> "filesystem");
		properties.add("steward.rules.directory", DIRECTORY::toString);
	}

	static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("steward-rule-files-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@BeforeEach
	void client() {
		graphql = new GraphQlHttp(port);
		callers = Callers.issuedBy(tokens);
	}

	long head() {
		return graphql.post(GraphQlHttp.ADMIN_TOKEN, "{ eventLogHead(context: \"rules\") { sequence } }")
			.data()
			.path("eventLogHead")
			.path("sequence")
			.asLong();
	}

	static String rule(String ruleId, int version) {
		return """
				rule_id: %s
				rule_version: %d
				name: crontab_persistence
				applies_to: [command]
				match:
				  pattern: '\\bcrontab\\s+-'
				emits:
				  - {tactic: TA0003, technique_id: T1053, sub_technique_id: T1053.003, confidence: 0.%d}
				""".formatted(ruleId, version, version + 5);
	}

	@Test
	void deliversEachEditOfARuleFileToASubscriberOnce() throws Exception {
		String ruleId = "F" + System.nanoTime() % 1_000_000;
		Path file = DIRECTORY.resolve(ruleId + ".yaml");

		try (RuleChangesClient worker = new RuleChangesClient(port, callers.viewer(), head())) {
			Files.writeString(file, rule(ruleId, 1));
			var created = worker.next(ruleId, 1, Duration.ofSeconds(15));
			Files.writeString(file, rule(ruleId, 1));
			boolean quietOnSameContent = worker.quietFor(ruleId, Duration.ofMillis(500));
			Path swap = DIRECTORY.resolve("." + ruleId + ".yaml.swp");
			Files.writeString(swap, rule(ruleId, 2));
			Files.move(swap, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			var renamed = worker.next(ruleId, 1, Duration.ofSeconds(15));
			boolean quietAfterRename = worker.quietFor(ruleId, Duration.ofMillis(500));
			Response evaluated = graphql.post(callers.viewer(),
					"{ evaluateEvent(input: {sourceKind: COMMAND, payload: {command_text: \"crontab -e\"}}) { matches { ruleId ruleVersion } } }");
			Files.delete(file);
			var deleted = worker.next(ruleId, 1, Duration.ofSeconds(15));

			assertThat(created.getFirst()).containsEntry("kind", "DEFINITION").containsEntry("actor", "filesystem");
			assertThat(created.getFirst().get("source")).isEqualTo(rule(ruleId, 1));
			assertThat(quietOnSameContent).isTrue();
			assertThat(renamed.getFirst()).containsEntry("kind", "DEFINITION").containsEntry("ruleVersion", 2);
			assertThat(quietAfterRename).isTrue();
			assertThat(evaluated.data().path("evaluateEvent").path("matches").toString())
				.contains("\"ruleId\":\"" + ruleId + "\",\"ruleVersion\":2");
			assertThat(deleted.getFirst()).containsEntry("kind", "DELETION");
		}
	}

	@Test
	void writesTheFileOfARuleChangedThroughGraphQl() throws Exception {
		String ruleId = "A" + System.nanoTime() % 1_000_000;

		Response upserted = graphql.post(callers.author(),
				"mutation($yaml: String!) { upsertRule(input: {yaml: $yaml}) { rule { ruleId updatedBy } } }",
				Map.of("yaml", rule(ruleId, 1)));
		Response store = graphql.post(callers.viewer(), "{ ruleStore { kind directory } }");

		assertThat(upserted.hasErrors()).as(upserted.body()).isFalse();
		assertThat(Files.readString(DIRECTORY.resolve(ruleId + ".yaml"))).isEqualTo(rule(ruleId, 1));
		assertThat(store.data().path("ruleStore").path("kind").asString()).isEqualTo("filesystem");
		assertThat(store.data().path("ruleStore").path("directory").asString()).isEqualTo(DIRECTORY.toString());
	}
}
