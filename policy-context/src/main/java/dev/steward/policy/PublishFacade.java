package dev.steward.policy;

import dev.steward.kernel.IdempotencyKeys;
import dev.steward.kernel.Keyed;
import dev.steward.kernel.Page;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Publishing: freezing a scope's effective policies into a hashed manifest, exporting a run as an artifact that
 * carries the full variants, and importing such an artifact. Every hash is SHA-256 over the RFC 8785 (JCS)
 * canonical JSON of its input, and no input holds a time of publishing, so publishing the same state twice
 * gives the same hashes.
 */
public interface PublishFacade {

	/**
	 * Reads the scope's effective activations (its client profile's pointers over the world's), loads each variant
	 * and stores the manifest together with a {@code v1.policy.published} event, in one transaction.
	 * @throws PolicyException {@code POLICY_WORLD_NOT_FOUND}, {@code POLICY_SCOPE_INVALID},
	 * {@code POLICY_PUBLISH_REFERENCE_MISSING}
	 */
	PublishRunView publish(PublishScope command);

	Optional<PublishRunView> find(long publishRunId);

	/**
	 * Up to {@code size} runs of a world, newest first, after the position a cursor gave; of one
	 * client profile when {@code clientProfile} is given ({@code ""} for the world's own runs), of all otherwise.
	 */
	Page<PublishRunView> runs(String worldId, @Nullable String clientProfile, @Nullable Map<String, ?> after, int size);

	/**
	 * The run's export artifact, its variants read as they are now: a variant that was changed or removed since
	 * the run (its content, fields or status no longer what the manifest froze) appears without content and with
	 * {@code materialized: false}.
	 * @throws PolicyException {@code POLICY_PUBLISH_RUN_NOT_FOUND}
	 */
	PublishArtifact artifact(long publishRunId);

	/**
	 * Verifies every hash the artifact carries, then imports its variants, layer-1 types first: an unchanged
	 * variant is skipped, any other is validated and stored as an author would store it, and one that fails is
	 * reported and the import goes on. With {@code activate}, each imported variant is then activated unless its
	 * scope points at it already. Each variant and each activation commits on its own, and importing an artifact
	 * again changes nothing, so an interrupted import is finished by running it again.
	 * @throws PolicyException {@code POLICY_IMPORT_ARTIFACT_INVALID}, {@code POLICY_IMPORT_ARTIFACT_HASH_MISMATCH},
	 * {@code POLICY_WORLD_NOT_FOUND}; nothing is written then
	 */
	ArtifactImportSummary importArtifact(ImportPolicyArtifact command);

	/**
	 * Freeze the effective policies of a scope (a world, or a client profile over it; {@code ""} is the world itself)
	 * into a publish run. {@code actor} is the authenticated principal. With an
	 * {@code idempotencyKey}, the same request again returns the first one's answer and appends nothing.
	 */
	public record PublishScope(String worldId, String clientProfile, String actor,
			@Nullable String idempotencyKey) {

		public PublishScope {
			IdempotencyKeys.check(idempotencyKey);
		}

		public PublishScope(String worldId, String clientProfile, String actor) {
			this(worldId, clientProfile, actor, null);
		}
	}

	/**
	 * A publish run: the manifest frozen for a scope, as stored. {@code clientProfile} is {@code ""} for the world
	 * itself (the manifest says {@code null} there); {@code manifestHash}, {@code itemsHash} and {@code itemCount}
	 * repeat what the manifest says.
	 */
	public record PublishRunView(long publishRunId, String worldId, String clientProfile, String actor,
			Map<String, Object> manifest, String manifestHash, String itemsHash, int itemCount, Instant createdAt) implements Keyed {

		/** The run's id, as clients see it. */
		public String id() {
			return Long.toString(publishRunId);
		}

		/** Publish runs are listed newest first. */
		@Override
		public Map<String, Object> keyset() {
			return Map.of("id", publishRunId);
		}
	}

	/**
	 * The export artifact of a publish run: its manifest with the full variants it names, and the hashes that let an
	 * importer check it. {@code content} is the artifact as JSON values, {@code artifact_hash} included.
	 */
	public record PublishArtifact(long publishRunId, String manifestHash, String artifactHash,
			Map<String, Object> content) {
	}

	/**
	 * Import an export artifact: {@code artifact} is its parsed JSON. It goes into the artifact's own world unless
	 * {@code worldId} names another; with {@code activate}, each imported variant is then activated in that world's
	 * scope for {@code clientProfile} (the artifact's client profile when null, {@code ""} for the world itself).
	 * {@code actor} is the authenticated principal.
	 */
	public record ImportPolicyArtifact(@Nullable Object artifact, boolean activate, @Nullable String worldId,
			@Nullable String clientProfile, String actor) {
	}

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
}
