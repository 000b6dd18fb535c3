package dev.steward.rules.infrastructure;

import dev.steward.rules.application.RuleCatalog;
import dev.steward.rules.application.RuleReads;
import dev.steward.rules.application.RuleStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which store holds the rule definitions: {@code steward.rules.store} ({@code STEWARD_RULES_STORE}) is
 * {@code database} (the default) or {@code filesystem}. The filesystem store watches
 * {@code steward.rules.directory}; the database store mirrors {@code steward.rules.sync-directory} when it is set.
 */
@Configuration(proxyBeanMethods = false)
class RulesStoreConfiguration {

	@Bean
	Clock rulesClock() {
		return Clock.systemUTC();
	}

	@Bean
	RuleStore ruleStore(RuleCatalog catalog, RuleReads reads, Clock rulesClock,
			@Value("${steward.rules.store:database}") String kind,
			@Value("${steward.rules.directory:}") String directory,
			@Value("${steward.rules.sync-directory:}") String syncDirectory,
			@Value("${steward.rules.debounce:30ms}") Duration debounce) {
		return switch (kind.strip().toLowerCase(Locale.ROOT)) {
			case "database" -> syncDirectory.isBlank() ? RuleStore.database(catalog, reads, rulesClock, StandardRuleSyntax.parser())
					: new MirroredDatabaseRuleStore(catalog, reads, rulesClock,
							new RuleDirectory(Path.of(syncDirectory), debounce, catalog, reads, false));
			case "filesystem" -> {
				if (directory.isBlank()) {
					throw new IllegalStateException(
							"The filesystem rule store needs a directory: set steward.rules.directory (STEWARD_RULES_DIRECTORY)");
				}
				yield new FilesystemRuleStore(catalog, reads, rulesClock,
						new RuleDirectory(Path.of(directory), debounce, catalog, reads, true));
			}
			default -> throw new IllegalStateException("Unknown rule store '" + kind
					+ "' in steward.rules.store (STEWARD_RULES_STORE); known: database, filesystem");
		};
	}

	/** Loads and starts watching the store's directory, if it has one, once the schema is migrated. */
	@Bean
	SmartLifecycle ruleDirectoryWatch(RuleStore ruleStore) {
		RuleDirectory directory = directoryOf(ruleStore);
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				if (directory != null) {
					directory.start();
				}
				running = true;
			}

			@Override
			public void stop() {
				if (directory != null) {
					directory.close();
				}
				running = false;
			}

			@Override
			public boolean isRunning() {
				return running;
			}
		};
	}

	private static @Nullable RuleDirectory directoryOf(RuleStore store) {
		return switch (store) {
			case FilesystemRuleStore filesystem -> filesystem.directory();
			case MirroredDatabaseRuleStore mirrored -> mirrored.directory();
			default -> null;
		};
	}
}
