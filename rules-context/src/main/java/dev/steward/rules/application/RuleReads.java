package dev.steward.rules.application;

import dev.steward.kernel.Page;
import dev.steward.rules.RuleFacade.RuleFilter;
import dev.steward.rules.RuleFacade.RuleRevisionView;
import dev.steward.rules.RuleFacade.RuleStateView;
import dev.steward.rules.RuleFacade.RuleView;
import dev.steward.rules.domain.CompiledRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads of the rules views. */
public interface RuleReads {

	Page<RuleView> list(RuleFilter filter, @Nullable Map<String, ?> after, int size);

	Optional<RuleView> find(String ruleId);

	List<RuleRevisionView> history(String ruleId);

	/** The histories of several rule ids, each newest first, in one query. */
	Map<String, List<RuleRevisionView>> histories(java.util.Collection<String> ruleIds);

	/** The stored state of a rule, expired or not; empty for the default. */
	Optional<RuleStateView> state(String ruleId);

	/** Every rule in force, compiled, with its stored state. */
	List<CompiledRule> compiled();

	/** The rule ids in force, with the hash of each one's source. */
	Map<String, String> sourceHashes();
}
