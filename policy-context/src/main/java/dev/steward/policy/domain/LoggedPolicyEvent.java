package dev.steward.policy.domain;

import java.util.Map;
import org.jmolecules.event.types.DomainEvent;

/** A domain event of the policy context as it is appended to the policy event log. */
public interface LoggedPolicyEvent extends DomainEvent {

	/** {@code v1.<subject>.<past tense>}. */
	String type();

	String subjectKind();

	String subjectId();

	/** The authenticated principal that caused the event. */
	String actor();

	/** What happened, as plain values (strings, numbers, booleans, lists, maps). */
	Map<String, Object> payload();
}
