package dev.steward.policy.domain;

import org.jmolecules.ddd.annotation.Repository;

/** The append-only history of validations. */
@Repository
public interface ValidationRuns {

	/** A number no run has. */
	ValidationRun.Id nextId();

	/** Stores a new run and appends its event, in the current transaction. */
	ValidationRun save(ValidationRun run);
}
