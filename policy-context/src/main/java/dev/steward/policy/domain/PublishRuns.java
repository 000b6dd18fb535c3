package dev.steward.policy.domain;

import org.jmolecules.ddd.annotation.Repository;

/** The publish runs, each with its manifest exactly as it was frozen. */
@Repository
public interface PublishRuns {

	/** A number no run has. */
	PublishRun.Id nextId();

	/** Stores a new run and appends its event, in the current transaction. */
	PublishRun save(PublishRun run);
}
