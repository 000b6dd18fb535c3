package dev.steward.policy.infrastructure;

import dev.steward.kernel.events.EventLog;
import dev.steward.policy.domain.LoggedPolicyEvent;
import dev.steward.policy.domain.PolicyLog;
import java.util.OptionalLong;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every {@link LoggedPolicyEvent} to the policy event log in the transaction that records it: the events
 * an aggregate registers as the repository saves it, and those a use case hands over.
 */
@Component
class PolicyEventAppender implements PolicyLog {

	private final EventLog log;

	PolicyEventAppender(@Qualifier("policyEventLog") EventLog log) {
		this.log = log;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(LoggedPolicyEvent event) {
		log.append(event);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public long append(LoggedPolicyEvent event) {
		return log.append(event).sequence();
	}

	@Override
	public OptionalLong sequenceOf(String idempotencyKey) {
		return log.byIdempotencyKey(idempotencyKey)
			.map(entry -> OptionalLong.of(entry.sequence()))
			.orElseGet(OptionalLong::empty);
	}
}
