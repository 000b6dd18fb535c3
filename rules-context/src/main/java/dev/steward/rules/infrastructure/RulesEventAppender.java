package dev.steward.rules.infrastructure;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.rules.domain.LoggedRuleEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every {@link LoggedRuleEvent} a rule records to the rules event log, in the transaction that saves the
 * rule, and projects the entry into the rules views in the same transaction.
 */
@Component
class RulesEventAppender {

	private final EventLog log;

	private final RulesProjection views;

	RulesEventAppender(@Qualifier("rulesEventLog") EventLog log, JdbcClient jdbc) {
		this.log = log;
		this.views = new RulesProjection(jdbc, RulesSchema.SCHEMA + ".");
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(LoggedRuleEvent event) {
		LogEntry entry = log.append(event);
		views.apply(entry);
	}
}
