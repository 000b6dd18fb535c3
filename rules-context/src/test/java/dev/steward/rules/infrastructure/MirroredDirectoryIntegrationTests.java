package dev.steward.rules.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.rules.RulesEvents;
import dev.steward.rules.application.RuleStore;
import dev.steward.rules.domain.RuleFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database store with a directory mirrored into it, as a git checkout of rules feeds a fleet: files add,
 * change and (while watched) remove rules; the API's changes stay in the database only.
 */
@SpringBootTest
class MirroredDirectoryIntegrationTests {

	static final Path DIRECTORY = directory();

	@Autowired
	RuleStore store;

	@Autowired
	@Qualifier("rulesEventLog")
	EventLog log;

	@DynamicPropertySource
	static void mirror(DynamicPropertyRegistry properties) {
		properties.add("steward.rules.store", () -> "database");
		properties.add("steward.rules.sync-directory", DIRECTORY::toString);
	}

	static Path directory() {
		try {
			return Files.createTempDirectory("steward-rules-mirror-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<LogEntry> changesAfter(long after, String ruleId, int expected) {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (changes(after, ruleId).size() < expected && System.nanoTime() < deadline) {
			RuleStoreConformanceTests.pause(20);
		}
		RuleStoreConformanceTests.pause(300);
		return changes(after, ruleId);
	}

	List<LogEntry> changes(long after, String ruleId) {
		return log.after(after, 1_000).stream().filter(entry -> entry.subjectId().equals(ruleId)).toList();
	}

	@Test
	void mirrorsFilesIntoTheDatabaseAndKeepsApiChangesThere() throws IOException {
		long before = log.head();

		Files.writeString(DIRECTORY.resolve("Mirror1.yaml"), RuleFixtures.commandRule("Mirror1", 1, "curl", 0.9));
		var fromFile = changesAfter(before, "Mirror1", 1);
		long api = log.head();
		store.upsert(RuleFixtures.commandRule("Mirror2", 1, "wget", 0.9), "author-1");
		var fromApi = changesAfter(api, "Mirror2", 1);
		long deleted = log.head();
		Files.delete(DIRECTORY.resolve("Mirror1.yaml"));
		var removed = changesAfter(deleted, "Mirror1", 1);

		assertThat(store.info().kind()).isEqualTo("database");
		assertThat(store.info().directory()).isEqualTo(DIRECTORY.toString());
		assertThat(fromFile).singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo("filesystem"));
		assertThat(fromApi).singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo("author-1"));
		assertThat(DIRECTORY.resolve("Mirror2.yaml")).doesNotExist();
		assertThat(removed).extracting(LogEntry::type).containsExactly(RulesEvents.DELETED);
	}
}
