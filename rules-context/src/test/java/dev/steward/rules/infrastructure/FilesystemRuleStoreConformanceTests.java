package dev.steward.rules.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.rules.RulesErrorCode;
import dev.steward.rules.RulesException;
import dev.steward.rules.application.RuleCatalog;
import dev.steward.rules.application.RuleReads;
import dev.steward.rules.domain.RuleFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store contract, against the filesystem store: real files in a temporary directory, edited the ways editors
 * and deploy scripts save them, with the watcher (inotify) applying them.
 */
@SpringBootTest
class FilesystemRuleStoreConformanceTests extends RuleStoreConformanceTests {

	static final Path DIRECTORY = directoryWithSamples();

	@Autowired
	RuleCatalog catalog;

	@Autowired
	RuleReads reads;

	@DynamicPropertySource
	static void filesystemStore(DynamicPropertyRegistry properties) {
		properties.add("steward.rules.store", () -> "filesystem");
		properties.add("steward.rules.directory", DIRECTORY::toString);
		properties.add("steward.rules.debounce", () -> "30ms");
		properties.add("steward.rules.expiry-interval", () -> "200ms");
	}

	static Path directoryWithSamples() {
		try {
			Path directory = Files.createTempDirectory("steward-rules-");
			for (Path sample : RuleFixtures.sampleFiles()) {
				Files.copy(sample, directory.resolve(sample.getFileName()));
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	String prefix() {
		return "Fs";
	}

	@Override
	void loadSamples() {
		// the samples are in the directory from the start, loaded when the store started
	}

	@Override
	void edit(String ruleId, String yaml) {
		write(DIRECTORY.resolve(ruleId + ".yaml"), yaml);
	}

	@Override
	void editByRename(String ruleId, String yaml) {
		Path temporary = DIRECTORY.resolve("." + ruleId + ".yaml.swx");
		write(temporary, yaml);
		try {
			Files.move(temporary, DIRECTORY.resolve(ruleId + ".yaml"), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	void remove(String ruleId) {
		try {
			Files.delete(DIRECTORY.resolve(ruleId + ".yaml"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	void settle() {
		pause(400);
	}

	static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void ignoresSwapBackupAndTemporaryFiles() {
		String ruleId = newRuleId();
		String yaml = RuleFixtures.commandRule(ruleId, 1, "curl", 0.9);
		long before = log.head();

		for (String name : new String[] { "." + ruleId + ".yaml.swp", ruleId + ".yaml~", "4913", ruleId + ".yaml.bak",
				ruleId + ".yml.tmp", ruleId + "-copy.yaml" }) {
			write(DIRECTORY.resolve(name), yaml);
		}

		assertThat(changesAfter(before, ruleId, 0)).isEmpty();
		assertThat(store.info().problems()).noneMatch(problem -> problem.contains(ruleId));
	}

	@Test
	void keepsTheRuleInForceWhenItsFileBecomesInvalidAndReportsIt() {
		String ruleId = newRuleId();
		long before = log.head();
		edit(ruleId, RuleFixtures.commandRule(ruleId, 1, "curl", 0.9));
		changesAfter(before, ruleId, 1);
		long broken = log.head();

		edit(ruleId, "rule_id: " + ruleId + "\nrule_version: 2\nname: broken\napplies_to: [command]\n");

		assertThat(changesAfter(broken, ruleId, 0)).isEmpty();
		assertThat(store.info().problems()).anyMatch(problem -> problem.startsWith(ruleId + ".yaml: The rule is invalid"));
		assertThat(store.loadCompiled())
			.filteredOn(rule -> rule.definition().ruleId().equals(ruleId))
			.singleElement()
			.satisfies(rule -> assertThat(rule.definition().ruleVersion()).isEqualTo(1));
	}

	@Test
	void writesTheApiChangesToFilesWithOneChangeEach() throws IOException {
		String ruleId = newRuleId();
		String yaml = RuleFixtures.commandRule(ruleId, 1, "nc -e", 0.9);
		long before = log.head();

		store.upsert(yaml, "author-1");
		var created = changesAfter(before, ruleId, 1);
		long deleted = log.head();
		store.delete(dev.steward.rules.domain.RuleId.of(ruleId), "author-1");
		var removed = changesAfter(deleted, ruleId, 1);

		assertThat(created).singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo("author-1"));
		assertThat(removed).singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo("author-1"));
		assertThat(DIRECTORY.resolve(ruleId + ".yaml")).doesNotExist();
	}

	@Test
	void raisesAFailureToWriteARuleFile() throws IOException {
		Path notADirectory = Files.createTempFile("steward-rules-", ".txt");
		var store = new FilesystemRuleStore(catalog, reads, Clock.systemUTC(),
				new RuleDirectory(notADirectory, Duration.ofMillis(30), catalog, reads, true));

		var refusal = assertThatExceptionOfType(RulesException.class)
			.isThrownBy(() -> store.upsert(RuleFixtures.commandRule(newRuleId(), 1, "x", 0.5), "author-1"))
			.actual();

		assertThat(refusal.code()).isEqualTo(RulesErrorCode.RULE_STORE_FAILED);
	}

	@Test
	void aSecondFileWithTheSameRuleIdIsReportedAndTakesOverOnlyWhenTheFirstGoes() throws IOException {
		String ruleId = newRuleId();
		long before = log.head();
		edit(ruleId, RuleFixtures.commandRule(ruleId, 1, "curl", 0.9));
		changesAfter(before, ruleId, 1);
		long duplicated = log.head();

		write(DIRECTORY.resolve(ruleId + "_copy.yaml"), RuleFixtures.commandRule(ruleId, 2, "wget", 0.5));

		assertThat(changesAfter(duplicated, ruleId, 0)).isEmpty();
		assertThat(store.info().problems())
			.contains(ruleId + "_copy.yaml: rule_id " + ruleId + " is defined in " + ruleId + ".yaml already; this file is not in force");
		assertThat(store.loadCompiled()).filteredOn(rule -> rule.definition().ruleId().equals(ruleId))
			.singleElement()
			.satisfies(rule -> assertThat(rule.definition().ruleVersion()).isEqualTo(1));
		long removed = log.head();

		remove(ruleId);

		assertThat(changesAfter(removed, ruleId, 1)).singleElement()
			.satisfies(entry -> assertThat(entry.type()).isEqualTo(dev.steward.rules.RulesEvents.UPSERTED));
		assertThat(store.loadCompiled()).filteredOn(rule -> rule.definition().ruleId().equals(ruleId))
			.singleElement()
			.satisfies(rule -> assertThat(rule.definition().ruleVersion()).isEqualTo(2));
		assertThat(store.info().problems()).noneMatch(problem -> problem.contains(ruleId));
		long last = log.head();

		Files.delete(DIRECTORY.resolve(ruleId + "_copy.yaml"));

		assertThat(changesAfter(last, ruleId, 1)).singleElement()
			.satisfies(entry -> assertThat(entry.type()).isEqualTo(dev.steward.rules.RulesEvents.DELETED));
	}

	@Test
	void aRefusedDuplicateTakesOverWhenTheFileInForceChangesItsId() {
		String ruleId = newRuleId();
		String other = newRuleId();
		long before = log.head();
		edit(ruleId, RuleFixtures.commandRule(ruleId, 1, "curl", 0.9));
		changesAfter(before, ruleId, 1);
		write(DIRECTORY.resolve(ruleId + "_dup.yaml"), RuleFixtures.commandRule(ruleId, 3, "wget", 0.5));
		settle();
		long renamed = log.head();

		edit(ruleId, RuleFixtures.commandRule(other, 1, "curl", 0.9));

		assertThat(changesAfter(renamed, ruleId, 1)).singleElement()
			.satisfies(entry -> assertThat(entry.type()).isEqualTo(dev.steward.rules.RulesEvents.UPSERTED));
		assertThat(changesAfter(renamed, other, 1)).hasSize(1);
		assertThat(store.loadCompiled()).filteredOn(rule -> rule.definition().ruleId().equals(ruleId))
			.singleElement()
			.satisfies(rule -> assertThat(rule.definition().ruleVersion()).isEqualTo(3));
	}

	@Test
	void aRuleWhoseFileBecameInvalidStaysInForceWhenTheStoreStartsAgain() {
		String ruleId = newRuleId();
		long before = log.head();
		edit(ruleId, RuleFixtures.commandRule(ruleId, 1, "curl", 0.9));
		changesAfter(before, ruleId, 1);
		edit(ruleId, "rule_id: " + ruleId + "   # broken below\nrule_version: 2\nname: broken\napplies_to: [command]\n");
		settle();
		long restart = log.head();

		new RuleDirectory(DIRECTORY, Duration.ofMillis(30), catalog, reads, true).scan(true);

		assertThat(changes(restart, ruleId)).isEmpty();
		assertThat(store.loadCompiled()).filteredOn(rule -> rule.definition().ruleId().equals(ruleId))
			.singleElement()
			.satisfies(rule -> assertThat(rule.definition().ruleVersion()).isEqualTo(1));
	}
}
