package dev.steward.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import did: one entry per variant of the artifact, in the order they were imported (layer 1 before
 * layer 2), the count of each outcome, and how many activations it made or found already in place. The hashes
 * are those the artifact carries, each verified; null where the artifact has none.
 */
public record ArtifactImportSummary(String worldId, String clientProfile, boolean activate, int itemCount,
		int importedCount, int updatedCount, int skippedCount, int errorCount, int activatedCount,
		int activationSkippedCount, @Nullable String manifestHash, @Nullable String itemsHash,
		@Nullable String artifactHash, @Nullable String variantsHash, List<Entry> entries) {

	/** What happened to one variant; {@code detail} says why it was skipped or what went wrong. */
	public record Entry(String policyId, String variant, Action action, @Nullable String detail) {
	}

	/** The outcome of importing one variant. */
	public enum Action {

		/** The variant did not exist and was stored. */
		IMPORTED,
		/** The variant existed with other fields or content and was replaced. */
		UPDATED,
		/** The variant existed exactly as the artifact has it; nothing was written. */
		SKIPPED,
		/** The variant could not be imported (or activated); the detail says why. */
		ERROR
	}
}
