package dev.steward.rules.application;

import dev.steward.kernel.Page;
import dev.steward.rules.RuleFacade;
import dev.steward.rules.RulesErrorCode;
import dev.steward.rules.RulesException;
import dev.steward.rules.domain.RuleDefinition;
import dev.steward.rules.domain.RuleId;
import dev.steward.rules.domain.RuleState;
import dev.steward.rules.domain.RuleViewRebuild;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The rules facade: reads from the views, definition changes through the configured store. */
@Service
class RuleManagement implements RuleFacade {

	private final RuleStore store;

	private final RuleReads reads;

	private final RuleViewRebuild rebuild;

	private final Clock clock;

	RuleManagement(RuleStore store, RuleReads reads, RuleViewRebuild rebuild, Clock rulesClock) {
		this.store = store;
		this.reads = reads;
		this.rebuild = rebuild;
		this.clock = rulesClock;
	}

	@Override
	public Page<RuleView> list(RuleFilter filter, @Nullable Map<String, ?> after, int size) {
		return reads.list(filter, after, Page.checkSize(size));
	}

	@Override
	public Optional<RuleView> find(String ruleId) {
		return reads.find(RuleId.of(ruleId).value());
	}

	@Override
	public List<RuleRevisionView> history(String ruleId) {
		return reads.history(RuleId.of(ruleId).value());
	}

	@Override
	public java.util.Map<String, List<RuleRevisionView>> histories(java.util.Collection<String> ruleIds) {
		return reads.histories(ruleIds);
	}

	@Override
	public RuleView upsert(UpsertRule command) {
		RuleDefinition definition = store.upsert(command.yaml(), command.actor());
		return existing(definition.ruleId());
	}

	@Override
	public void delete(String ruleId, String actor) {
		store.delete(RuleId.of(ruleId), actor);
	}

	@Override
	public RuleView setState(SetRuleState command) {
		RuleId id = RuleId.of(command.ruleId());
		store.setState(id, RuleState.requested(command.state(), command.confidenceMax(), command.expiresAt(),
				command.reason(), clock.instant()), command.actor());
		return existing(id.value());
	}

	@Override
	public RuleView clearState(String ruleId, String actor) {
		RuleId id = RuleId.of(ruleId);
		store.clearState(id, actor);
		return existing(id.value());
	}

	@Override
	public RuleStateView state(String ruleId) {
		return RuleViews.state(store.state(RuleId.of(ruleId)));
	}

	@Override
	@Transactional(isolation = Isolation.REPEATABLE_READ)
	public RulesViewsVerification verifyViews() {
		return rebuild.verify();
	}

	@Override
	public StoreInfo store() {
		return store.info();
	}

	private RuleView existing(String ruleId) {
		return reads.find(ruleId)
			.orElseThrow(() -> new RulesException(RulesErrorCode.RULE_NOT_FOUND, "There is no rule " + ruleId));
	}
}
