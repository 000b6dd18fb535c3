package dev.steward.policy.application;

import dev.steward.policy.PolicyId;
import dev.steward.policy.PolicyFacade.ValidationResult;
import java.util.List;

/** The validation history, as views. */
public interface ValidationRunReads {

	/** Newest first. */
	List<ValidationResult> of(PolicyId id, String variant);
}
