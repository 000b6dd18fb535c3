package dev.steward.rules.domain;

import java.time.Instant;
import java.util.List;
import org.jmolecules.ddd.types.Repository;

/** The rules, one aggregate per rule id. */
public interface Rules extends Repository<Rule, RuleId> {

	/**
	 * The rule with the given id, locked until the transaction ends so that its changes are made one at a time;
	 * an absent rule (with its last revision) when it has no definition in force.
	 */
	Rule lock(RuleId id);

	/** Saves the rule's recorded changes. */
	void save(Rule rule);

	/** Ids of rules whose state has expired by {@code now}, oldest expiry first. */
	List<RuleId> withStateExpiredBy(Instant now, int limit);
}
