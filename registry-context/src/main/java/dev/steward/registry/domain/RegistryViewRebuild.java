package dev.steward.registry.domain;

import dev.steward.registry.RegistryFacade.RegistryViewsVerification;

/** Rebuilds every registry view from the registry event log in scratch tables and compares it with the live views. */
public interface RegistryViewRebuild {

	/** Runs in the caller's transaction, which should read one snapshot of the log and the views. */
	RegistryViewsVerification verify();
}
