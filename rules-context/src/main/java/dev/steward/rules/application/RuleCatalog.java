package dev.steward.rules.application;

import dev.steward.rules.domain.Rule;
import dev.steward.rules.domain.RuleDefinition;
import dev.steward.rules.domain.RuleId;
import dev.steward.rules.domain.RuleState;
import dev.steward.rules.domain.Rules;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules as the database keeps them: every change of a definition or a state is one transaction that locks
 * the rule, records the change on the aggregate and saves it (which appends its event and projects the views).
 * Both stores write through here.
 */
@Service
public class RuleCatalog {

	/** How many expired states one run of the expiry reverts. */
	static final int EXPIRY_BATCH = 200;

	private final Rules rules;

	RuleCatalog(Rules rules) {
		this.rules = rules;
	}

	/** Makes the definition the rule in force; nothing happens when its source is in force already. */
	@Transactional
	public boolean define(RuleDefinition definition, String source, String actor) {
		Rule rule = rules.lock(RuleId.of(definition.ruleId()));
		boolean changed = rule.define(definition, source, actor);
		rules.save(rule);
		return changed;
	}

	/** Removes the rule; {@code RULE_NOT_FOUND} when there is none. */
	@Transactional
	public void remove(RuleId id, String actor) {
		Rule rule = rules.lock(id);
		rule.delete(actor);
		rules.save(rule);
	}

	/** Removes the rule if there is one. */
	@Transactional
	public boolean removeIfPresent(RuleId id, String actor) {
		Rule rule = rules.lock(id);
		if (!rule.exists()) {
			return false;
		}
		rule.delete(actor);
		rules.save(rule);
		return true;
	}

	@Transactional
	public void setState(RuleId id, RuleState state, String actor) {
		Rule rule = rules.lock(id);
		rule.setState(state, actor);
		rules.save(rule);
	}

	@Transactional
	public void clearState(RuleId id, String actor) {
		Rule rule = rules.lock(id);
		rule.clearState(actor);
		rules.save(rule);
	}

	/**
	 * Reverts every state that has expired by {@code now}, one event each, in the caller's transaction.
	 * @return how many states reverted
	 */
	@Transactional
	public int expireDue(Instant now) {
		int reverted = 0;
		for (RuleId id : rules.withStateExpiredBy(now, EXPIRY_BATCH)) {
			Rule rule = rules.lock(id);
			if (rule.expire(now)) {
				rules.save(rule);
				reverted++;
			}
		}
		return reverted;
	}
}
