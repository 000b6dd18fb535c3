package dev.steward.policy;

import dev.steward.kernel.Page;
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
	 * Up to {@code limit} runs of a world, newest first, with an id below {@code beforeId} when given; of one
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
}
