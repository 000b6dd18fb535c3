package dev.steward.rules.application;

import dev.steward.kernel.events.EventLog;
import dev.steward.rules.EvaluationFacade;
import dev.steward.rules.RulesErrorCode;
import dev.steward.rules.RulesException;
import dev.steward.rules.SourceKind;
import dev.steward.rules.domain.LoggedRuleEvent;
import dev.steward.rules.domain.RuleIndex;
import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Evaluates events against an immutable index of the rules in force, which is replaced whole when the rules
 * log moves: after a change committed here, or when {@link #refresh()} hears of one from another instance.
 */
@Service
class RuleEvaluation implements EvaluationFacade {

	private final RuleStore store;

	private final EventLog log;

	private final Clock clock;

	private final TransactionTemplate snapshot;

	private final Object reloading = new Object();

	private volatile @Nullable RuleIndex index;

	private volatile boolean stale = true;

	RuleEvaluation(RuleStore store, @Qualifier("rulesEventLog") EventLog log, Clock rulesClock,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.log = log;
		this.clock = rulesClock;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	@Override
	public Evaluation evaluate(EvaluateEvent event) {
		SourceKind kind = SourceKind.of(event.sourceKind())
			.orElseThrow(() -> new RulesException(RulesErrorCode.RULE_SOURCE_KIND_UNKNOWN,
					"Unknown source kind '" + event.sourceKind() + "'"));
		String sourceId = event.sourceId() == null ? "" : event.sourceId();
		if (sourceId.length() > 256) {
			throw new RulesException(RulesErrorCode.RULE_EVENT_INVALID, "sourceId must have at most 256 characters");
		}
		RuleIndex current = current();
		return new Evaluation(current.evaluate(kind, sourceId, event.payload(), clock.instant()), current.size(kind),
				current.sequence());
	}

	@Override
	public void refresh() {
		stale = true;
	}

	@TransactionalEventListener
	void changed(LoggedRuleEvent event) {
		stale = true;
	}

	/** The index, reloaded first if the rules changed since it was built. */
	RuleIndex current() {
		RuleIndex current = index;
		if (current != null && !stale) {
			return current;
		}
		synchronized (reloading) {
			if (index == null || stale) {
				stale = false;
				index = snapshot.execute(status -> {
					long head = log.head();
					return RuleIndex.of(store.loadCompiled(), head);
				});
			}
			return index;
		}
	}

}
