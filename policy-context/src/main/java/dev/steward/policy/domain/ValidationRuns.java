package dev.steward.policy.domain;

import dev.steward.policy.PolicyId;
import dev.steward.policy.ValidationResult;
import java.util.List;

/** The append-only history of validations. */
public interface ValidationRuns {

	ValidationResult record(PolicyId id, String variant, ValidationOutcome outcome, String contentHash, String actor);

	/** Newest first. */
	List<ValidationResult> of(PolicyId id, String variant);
}
