package dev.steward.retention.domain;

import dev.steward.retention.RetentionFacade.RetentionViewsVerification;

/** Rebuilds every retention view from the retention log in a scratch schema and compares it with the live views. */
public interface RetentionViewRebuild {

	/** Runs in the caller's transaction, which should read one snapshot of the log and the views. */
	RetentionViewsVerification verify();
}
