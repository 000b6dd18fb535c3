package dev.steward.policy.application;

import dev.steward.policy.ActivationFacade;
import dev.steward.policy.PolicySnapshotFacade.PolicyHashSnapshot;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicySnapshotFacade;
import dev.steward.policy.domain.StoredVariant;
import dev.steward.policy.domain.ActivationScope;
import dev.steward.policy.domain.PolicyHashes;
import dev.steward.policy.domain.SnapshotTree;
import dev.steward.policy.domain.Worlds;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hash snapshots, read in one transaction so that the pointers and the variants they point at agree. */
@Service
@Transactional(readOnly = true)
class SnapshotManagement implements PolicySnapshotFacade {

	static final String CANONICAL_ROOT = "canonical_db://%s/effective-activations";

	private final Worlds worlds;

	private final EffectiveVariants effectiveVariants;

	private final ActivationFacade activations;

	private final PolicyHashes hashes;

	private final Clock clock;

	SnapshotManagement(Worlds worlds, EffectiveVariants effectiveVariants, ActivationFacade activations, PolicyHashes hashes) {
		this.worlds = worlds;
		this.effectiveVariants = effectiveVariants;
		this.activations = activations;
		this.hashes = hashes;
		this.clock = Clock.systemUTC();
	}

	@Override
	public PolicyHashSnapshot hashSnapshot(String worldIdInput, String clientProfileInput) {
		ActivationScope scope = ActivationScope.of(worldIdInput, clientProfileInput);
		String worldId = scope.worldId();
		String clientProfile = scope.clientProfile();
		worlds.requireExisting(worldId);
		List<StoredVariant> effective = activations.activations(worldId, clientProfile, true)
			.stream()
			.map(activation -> effectiveVariants.of(worldId, activation,
					PolicyErrorCode.POLICY_EFFECTIVE_REFERENCE_MISSING))
			.toList();
		SnapshotTree tree = SnapshotTree.of(effective, hashes);
		String canonicalRoot = CANONICAL_ROOT.formatted(worldId) + (clientProfile.isEmpty() ? "" : "/" + clientProfile);
		return new PolicyHashSnapshot(worldId, clientProfile, PolicyHashSnapshot.HASH_VERSION, canonicalRoot,
				clock.instant().truncatedTo(ChronoUnit.MICROS), tree.files().size(), tree.rootHash(), tree.files(),
				tree.directories());
	}
}
