package dev.steward.rules.domain;

import dev.steward.rules.RulesErrorCode;
import dev.steward.rules.RulesException;
import java.time.Instant;
import org.jmolecules.ddd.types.AggregateRoot;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One rule id: the source of its definition in force (none before its first definition and after a deletion),
 * the revision counting every definition and deletion it has had, and its operational state. Every change is one
 * event. The aggregate keeps the source, not the parsed definition: a definition is parsed and validated once,
 * when it is defined, and loading a rule to change its state never parses it again.
 */
public final class Rule extends AbstractAggregateRoot<Rule> implements AggregateRoot<Rule, RuleId> {

	private final RuleId id;

	private @Nullable String source;

	private long revision;

	private RuleState state;

	private Rule(RuleId id, @Nullable String source, long revision, RuleState state) {
		this.id = id;
		this.source = source;
		this.revision = revision;
		this.state = state;
	}

	/** A rule id with no definition in force; {@code revision} is the last one it had, 0 if none. */
	public static Rule absent(RuleId id, long revision) {
		return new Rule(id, null, revision, RuleState.DEFAULT);
	}

	/** A rule as stored: the source of its definition in force, which was validated when it was defined. */
	public static Rule stored(RuleId id, String source, long revision, RuleState state) {
		return new Rule(id, source, revision, state);
	}

	@Override
	public RuleId getId() {
		return id;
	}

	public boolean exists() {
		return source != null;
	}

	public long revision() {
		return revision;
	}

	public RuleState state() {
		return state;
	}

	/**
	 * Makes {@code definition} the rule in force, unless its source is the one in force already. Registers
	 * {@link RuleUpserted}; the operational state stays.
	 * @return whether anything changed
	 */
	public boolean define(RuleDefinition definition, String source, String actor) {
		if (!definition.ruleId().equals(id.value())) {
			throw new IllegalArgumentException("The definition is of rule " + definition.ruleId() + ", not " + id);
		}
		if (source.equals(this.source)) {
			return false;
		}
		this.source = source;
		this.revision++;
		registerEvent(new RuleUpserted(id, revision, definition.ruleVersion(), definition.name(), source, actor));
		return true;
	}

	/** Removes the rule and its state. Registers {@link RuleDeleted}. */
	public void delete(String actor) {
		requireExists();
		this.source = null;
		this.state = RuleState.DEFAULT;
		this.revision++;
		registerEvent(new RuleDeleted(id, revision, actor));
	}

	/** Sets the operational state. Registers {@link RuleStateSet}. */
	public void setState(RuleState requested, String actor) {
		requireExists();
		this.state = requested;
		registerEvent(new RuleStateSet(id, revision, requested, actor));
	}

	/**
	 * Reverts the state to the default. Registers {@link RuleStateCleared}, unless the state is the default already.
	 * @return whether anything changed
	 */
	public boolean clearState(String actor) {
		requireExists();
		if (state.equals(RuleState.DEFAULT)) {
			return false;
		}
		this.state = RuleState.DEFAULT;
		registerEvent(new RuleStateCleared(id, revision, actor));
		return true;
	}

	/**
	 * Reverts the state if it has expired at {@code now}. Registers {@link RuleStateExpired}.
	 * @return whether it had expired
	 */
	public boolean expire(Instant now) {
		Instant expiresAt = state.expiresAt();
		if (source == null || expiresAt == null || !state.expiredAt(now)) {
			return false;
		}
		this.state = RuleState.DEFAULT;
		registerEvent(new RuleStateExpired(id, revision, expiresAt, RuleStateExpired.ACTOR));
		return true;
	}

	private void requireExists() {
		if (source == null) {
			throw new RulesException(RulesErrorCode.RULE_NOT_FOUND, "There is no rule " + id);
		}
	}
}
