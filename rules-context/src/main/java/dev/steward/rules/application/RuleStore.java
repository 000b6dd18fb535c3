package dev.steward.rules.application;

import dev.steward.rules.RuleFacade.StoreInfo;
import dev.steward.rules.domain.CompiledRule;
import dev.steward.rules.domain.RuleDefinition;
import dev.steward.rules.domain.RuleId;
import dev.steward.rules.domain.RuleParser;
import dev.steward.rules.domain.RuleState;
import java.time.Clock;
import java.util.List;

/**
 * Where rule definitions come from, and the contract both stores keep: every rule compiled with its state; the
 * default state for an unknown id; one change in the rules log per edit and none for unchanged content; failures
 * raised, never swallowed. The database store takes definitions through its API; the filesystem store from a
 * watched directory, into which the API writes files. States live in the database with either.
 */
public interface RuleStore {

	StoreInfo info();

	/** Every rule in force, compiled, each with its state at {@code clock}'s now (an expired state reads as default). */
	List<CompiledRule> loadCompiled();

	/** The state in force for the id: the default for an unknown rule or an expired state. */
	RuleState state(RuleId id);

	void setState(RuleId id, RuleState state, String actor);

	void clearState(RuleId id, String actor);

	/**
	 * Validates the YAML and makes it the rule's definition.
	 * @return the definition
	 */
	RuleDefinition upsert(String yaml, String actor);

	/** Removes the rule; {@code RULE_NOT_FOUND} when there is none. */
	void delete(RuleId id, String actor);

	/** The store that takes definitions through its API only. */
	static RuleStore database(RuleCatalog catalog, RuleReads reads, Clock clock, RuleParser parser) {
		return new DatabaseRuleStore(catalog, reads, clock, parser);
	}

	/** The database store. */
	class DatabaseRuleStore implements RuleStore {

		protected final RuleCatalog catalog;

		protected final RuleReads reads;

		protected final Clock clock;

		protected final RuleParser parser;

		protected DatabaseRuleStore(RuleCatalog catalog, RuleReads reads, Clock clock, RuleParser parser) {
			this.catalog = catalog;
			this.reads = reads;
			this.clock = clock;
			this.parser = parser;
		}

		@Override
		public StoreInfo info() {
			return new StoreInfo("database", null, List.of());
		}

		@Override
		public List<CompiledRule> loadCompiled() {
			var now = clock.instant();
			return reads.compiled()
				.stream()
				.map(rule -> new CompiledRule(rule.definition(), rule.state().at(now)))
				.toList();
		}

		@Override
		public RuleState state(RuleId id) {
			return reads.state(id.value())
				.map(RuleViews::state)
				.map(state -> state.at(clock.instant()))
				.orElse(RuleState.DEFAULT);
		}

		@Override
		public void setState(RuleId id, RuleState state, String actor) {
			catalog.setState(id, state, actor);
		}

		@Override
		public void clearState(RuleId id, String actor) {
			catalog.clearState(id, actor);
		}

		@Override
		public RuleDefinition upsert(String yaml, String actor) {
			RuleDefinition definition = parser.parse(yaml);
			catalog.define(definition, yaml, actor);
			return definition;
		}

		@Override
		public void delete(RuleId id, String actor) {
			catalog.remove(id, actor);
		}
	}
}
