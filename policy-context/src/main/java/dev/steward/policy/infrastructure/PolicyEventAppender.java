package dev.steward.policy.infrastructure;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.policy.domain.LoggedPolicyEvent;
import dev.steward.policy.domain.PolicyActivated;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every {@link LoggedPolicyEvent} an aggregate records to the policy event log, in the transaction whose
 * repository saves the aggregate, and projects what a view needs the entry's sequence for.
 */
@Component
class PolicyEventAppender {

	private final EventLog log;

	private final JdbcActivations activations;

	PolicyEventAppender(@Qualifier("policyEventLog") EventLog log, JdbcActivations activations) {
		this.log = log;
		this.activations = activations;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(LoggedPolicyEvent event) {
		LogEntry entry = log.append(event);
		if (event instanceof PolicyActivated activated) {
			activations.project(entry.sequence(), activated);
		}
	}
}
