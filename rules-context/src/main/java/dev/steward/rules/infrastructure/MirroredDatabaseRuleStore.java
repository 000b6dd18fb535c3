package dev.steward.rules.infrastructure;

import dev.steward.rules.RuleFacade.StoreInfo;
import dev.steward.rules.application.RuleCatalog;
import dev.steward.rules.application.RuleReads;
import dev.steward.rules.application.RuleStore;
import java.time.Clock;

/**
 * The database store with a directory mirrored into it: a git checkout of rules feeds every instance, and the
 * API's changes stay in the database.
 */
class MirroredDatabaseRuleStore extends RuleStore.DatabaseRuleStore {

	private final RuleDirectory directory;

	MirroredDatabaseRuleStore(RuleCatalog catalog, RuleReads reads, Clock clock, RuleDirectory directory) {
		super(catalog, reads, clock, StandardRuleSyntax.parser());
		this.directory = directory;
	}

	RuleDirectory directory() {
		return directory;
	}

	@Override
	public StoreInfo info() {
		return new StoreInfo("database", directory.path().toString(), directory.problems());
	}
}
