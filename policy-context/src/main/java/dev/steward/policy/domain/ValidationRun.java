package dev.steward.policy.domain;

import dev.steward.policy.domain.PolicyDraft;
import dev.steward.policy.PolicyId;
import java.time.Instant;
import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * One validation of a draft, kept whether it passed or not: the outcome, the hash of the content it judged, who
 * ran it and when. Recording a run records {@link PolicyVariantValidated}.
 */
public final class ValidationRun extends AbstractAggregateRoot<ValidationRun>
		implements AggregateRoot<ValidationRun, ValidationRun.Id> {

	private final Id id;

	private final PolicyId policyId;

	private final VariantName variant;

	private final ValidationOutcome outcome;

	private final String contentHash;

	private final Instant validatedAt;

	private final String validatedBy;

	private ValidationRun(Id id, PolicyId policyId, VariantName variant, ValidationOutcome outcome,
			String contentHash, Instant validatedAt, String validatedBy) {
		this.id = id;
		this.policyId = policyId;
		this.variant = variant;
		this.outcome = outcome;
		this.contentHash = contentHash;
		this.validatedAt = validatedAt;
		this.validatedBy = validatedBy;
	}

	/** Records that {@code draft}, whose content hashes to {@code contentHash}, was judged {@code outcome}. */
	public static ValidationRun record(Id id, PolicyDraft draft, ValidationOutcome outcome, String contentHash,
			String actor, Instant now) {
		ValidationRun run = new ValidationRun(id, draft.id(), VariantName.of(draft.variant()), outcome, contentHash,
				now, actor);
		run.registerEvent(new PolicyVariantValidated(run));
		return run;
	}

	/** A run as stored. */
	public static ValidationRun restore(Id id, PolicyId policyId, VariantName variant, ValidationOutcome outcome,
			String contentHash, Instant validatedAt, String validatedBy) {
		return new ValidationRun(id, policyId, variant, outcome, contentHash, validatedAt, validatedBy);
	}

	@Override
	public Id getId() {
		return id;
	}

	public PolicyId policyId() {
		return policyId;
	}

	public VariantName variant() {
		return variant;
	}

	public ValidationOutcome outcome() {
		return outcome;
	}

	public String contentHash() {
		return contentHash;
	}

	public Instant validatedAt() {
		return validatedAt;
	}

	public String validatedBy() {
		return validatedBy;
	}

	/** The run's number, given in the order runs are recorded. */
	public record Id(long value) implements Identifier {
	}
}
