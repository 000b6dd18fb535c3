package dev.steward.rules.infrastructure;

import dev.steward.rules.domain.RuleFixtures;
import dev.steward.rules.domain.RuleId;
import org.springframework.boot.test.context.SpringBootTest;

/** The store contract, against the database store: definitions through its API. */
@SpringBootTest(properties = "steward.rules.expiry-interval=200ms")
class DatabaseRuleStoreConformanceTests extends RuleStoreConformanceTests {

	@Override
	String prefix() {
		return "Db";
	}

	@Override
	void loadSamples() {
		RuleFixtures.sampleFiles().forEach(file -> store.upsert(RuleFixtures.read(file), "samples"));
	}

	@Override
	void edit(String ruleId, String yaml) {
		store.upsert(yaml, "author-1");
	}

	@Override
	void editByRename(String ruleId, String yaml) {
		store.upsert(yaml, "author-1");
	}

	@Override
	void remove(String ruleId) {
		store.delete(RuleId.of(ruleId), "author-1");
	}

	@Override
	void settle() {
		// the database store takes an edit in the caller's transaction
	}
}
