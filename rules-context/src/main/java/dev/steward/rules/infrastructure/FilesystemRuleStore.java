package dev.steward.rules.infrastructure;

import dev.steward.rules.RuleFacade.StoreInfo;
import dev.steward.rules.RulesErrorCode;
import dev.steward.rules.RulesException;
import dev.steward.rules.application.RuleCatalog;
import dev.steward.rules.application.RuleReads;
import dev.steward.rules.application.RuleStore;
import dev.steward.rules.domain.RuleDefinition;
import dev.steward.rules.domain.RuleId;
import java.time.Clock;

/**
 * The filesystem store: rule definitions are the files of a watched directory. The API's changes write or delete
 * files (and apply them at once, as the caller), and every edit of a file on disk is applied by the watcher.
 * States live in the database, as with the database store, so that they survive a restart.
 */
class FilesystemRuleStore extends RuleStore.DatabaseRuleStore {

	private final RuleDirectory directory;

	FilesystemRuleStore(RuleCatalog catalog, RuleReads reads, Clock clock, RuleDirectory directory) {
		super(catalog, reads, clock, StandardRuleSyntax.parser());
		this.directory = directory;
	}

	RuleDirectory directory() {
		return directory;
	}

	@Override
	public StoreInfo info() {
		return new StoreInfo("filesystem", directory.path().toString(), directory.problems());
	}

	@Override
	public RuleDefinition upsert(String yaml, String actor) {
		RuleDefinition definition = parser.parse(yaml);
		directory.write(definition, yaml);
		catalog.define(definition, yaml, actor);
		return definition;
	}

	@Override
	public void delete(RuleId id, String actor) {
		if (reads.find(id.value()).isEmpty()) {
			throw new RulesException(RulesErrorCode.RULE_NOT_FOUND, "There is no rule " + id);
		}
		directory.remove(id.value());
		catalog.removeIfPresent(id, actor);
	}
}
