package dev.steward.policy.application;

import dev.steward.policy.PolicyEvents;
import dev.steward.policy.PolicyStatus;
import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.PublishFacade.ArtifactImportSummary;
import dev.steward.policy.PublishFacade.ArtifactImportSummary.Action;
import dev.steward.policy.PublishFacade.ArtifactImportSummary.Entry;
import dev.steward.policy.PublishFacade.ImportPolicyArtifact;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyId;
import dev.steward.policy.domain.StoredVariant;
import dev.steward.policy.PublishFacade.PublishArtifact;
import dev.steward.policy.PublishFacade;
import dev.steward.policy.PublishFacade.PublishRunView;
import dev.steward.policy.PublishFacade.PublishScope;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import dev.steward.policy.domain.ActivationScope;
import dev.steward.policy.domain.ArtifactEnvelope;
import dev.steward.policy.domain.ArtifactVariant;
import dev.steward.policy.domain.ExportArtifact;
import dev.steward.policy.domain.PolicyHashes;
import dev.steward.policy.domain.PolicyPublished;
import dev.steward.policy.domain.PolicyTypes;
import dev.steward.policy.domain.PublishManifest;
import dev.steward.policy.domain.PublishRuns;
import dev.steward.policy.domain.PublishRun;
import dev.steward.kernel.Keyset;
import dev.steward.kernel.Page;
import dev.steward.kernel.events.IdempotentCommands;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import dev.steward.policy.domain.RegisteredTypes;
import dev.steward.policy.domain.Worlds;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes scopes, exports runs and imports artifacts.
 * <p>
 * A publish is one transaction: the effective activations and the variants they name are read, and the run and
 * its {@code v1.policy.published} event are written, together. An import is not: its hashes are all verified
 * before anything is written, then each variant goes through {@link PolicyFacade#upsert} and each activation
 * through {@link ActivationFacade#activate}, each committing on its own (with its own validation run and its own
 * event), so that one failing variant is reported without undoing the others. Importing the same artifact again
 * writes nothing, which is what makes finishing an interrupted import safe.
 */
@Service
class PublishManagement implements PublishFacade {

	private final Worlds worlds;

	private final VariantReads variants;

	private final PublishRuns runs;

	private final PublishRunReads runReads;

	private final PolicyHashes hashes;

	private final IdempotentCommands idempotent;

	private final TransactionTemplate transactions;

	private final EffectiveVariants effectiveVariants;

	private final RegisteredTypes registeredTypes;

	private final PolicyFacade policies;

	private final ActivationFacade activations;

	private final Clock clock;

	PublishManagement(Worlds worlds, VariantReads variants, PublishRuns runs, PublishRunReads runReads,
			PolicyHashes hashes, @Qualifier("policyIdempotentCommands") IdempotentCommands idempotent,
			RegisteredTypes registeredTypes, PolicyFacade policies, ActivationFacade activations,
			EffectiveVariants effectiveVariants, PlatformTransactionManager transactionManager) {
		this.effectiveVariants = effectiveVariants;
		this.worlds = worlds;
		this.variants = variants;
		this.runs = runs;
		this.runReads = runReads;
		this.hashes = hashes;
		this.idempotent = idempotent;
		this.transactions = new TransactionTemplate(transactionManager);
		this.registeredTypes = registeredTypes;
		this.policies = policies;
		this.activations = activations;
		this.clock = Clock.systemUTC();
	}

	@Override
	public PublishRunView publish(PublishScope command) {
		ActivationScope scope = ActivationScope.of(command.worldId(), command.clientProfile());
		return idempotent.run(command.idempotencyKey(), command.actor(), PolicyPublished.TYPE,
				() -> transactions.execute(status -> publishOnce(scope, command.actor())),
				entry -> PolicyEvents.publishRunId(entry).flatMap(runReads::find)
					.filter(first -> first.worldId().equals(scope.worldId())
							&& first.clientProfile().equals(scope.clientProfile())));
	}

	private PublishRunView publishOnce(ActivationScope scope, String actor) {
		worlds.requireExisting(scope.worldId());
		String worldId = scope.worldId();
		String clientProfile = scope.clientProfile();
		List<StoredVariant> effective = new ArrayList<>();
		for (ActivationView activation : activations.activations(worldId, clientProfile, true)) {
			effective.add(effectiveVariants.of(worldId, activation, PolicyErrorCode.POLICY_PUBLISH_REFERENCE_MISSING));
		}
		// microseconds: what PostgreSQL keeps, so that the run's created_at is exactly the manifest's generated_at
		PublishManifest manifest = PublishManifest.freeze(worldId, clientProfile, effective,
				clock.instant().truncatedTo(ChronoUnit.MICROS), hashes);
		PublishRun run = runs.save(PublishRun.freeze(runs.nextId(), manifest, actor));
		return new PublishRunView(run.getId().value(), worldId, clientProfile, actor, manifest.toJson(),
				manifest.manifestHash(), manifest.itemsHash(), manifest.items().size(), manifest.generatedAt());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PublishRunView> find(long publishRunId) {
		return runReads.find(publishRunId);
	}

	@Override
	@Transactional(readOnly = true)
	public Page<PublishRunView> runs(String worldId, @Nullable String clientProfile, @Nullable Map<String, ?> after,
			int size) {
		Page.checkSize(size);
		Keyset position = Keyset.of(after);
		List<PublishRunView> read = runReads.list(ActivationScope.of(worldId, null).worldId(),
				clientProfile == null ? null : clientProfile.strip(), position == null ? null : position.number("id"),
				size + 1);
		return Page.of(read, size, position != null);
	}

	@Override
	@Transactional(readOnly = true)
	public PublishArtifact artifact(long publishRunId) {
		PublishRunView run = runReads.find(publishRunId)
			.orElseThrow(() -> new PolicyException(PolicyErrorCode.POLICY_PUBLISH_RUN_NOT_FOUND,
					"There is no publish run " + publishRunId));
		ExportArtifact artifact = ExportArtifact.materialize(run.manifest(),
				item -> variants.find(PolicyId.parse(item.policyId()), item.variant()), hashes);
		return new PublishArtifact(run.publishRunId(), run.manifestHash(), artifact.artifactHash(),
				artifact.content());
	}

	@Override
	public ArtifactImportSummary importArtifact(ImportPolicyArtifact command) {
		ArtifactEnvelope artifact = ArtifactEnvelope.verify(command.artifact(), hashes);
		ActivationScope scope = ActivationScope.of(
				command.worldId() == null || command.worldId().isBlank() ? artifact.worldId() : command.worldId(),
				command.clientProfile() != null ? command.clientProfile() : artifact.clientProfile());
		worlds.requireExisting(scope.worldId());
		String worldId = scope.worldId();
		String clientProfile = scope.clientProfile();

		List<Entry> entries = new ArrayList<>();
		Set<String> present = new HashSet<>();
		PolicyTypes types = PolicyTypes.of(registeredTypes.all());
		for (ArtifactVariant variant : artifact.inImportOrder(types)) {
			Entry entry = importVariant(variant, command.actor());
			entries.add(entry);
			if (entry.action() != Action.ERROR) {
				present.add(entry.policyId() + "@" + entry.variant());
			}
		}

		int activated = 0;
		int activationSkipped = 0;
		if (command.activate()) {
			Map<String, String> pointers = activations.activations(worldId, clientProfile, false)
				.stream()
				.collect(Collectors.toMap(ActivationView::policyId, ActivationView::variant));
			for (Map.Entry<String, String> target : artifact.activationTargets().entrySet()) {
				String policyId = target.getKey();
				String variant = target.getValue();
				if (!present.contains(policyId + "@" + variant)) {
					// only what this artifact carried, and what was imported from it, is activated
					continue;
				}
				if (variant.equals(pointers.get(policyId))) {
					activationSkipped++;
					continue;
				}
				try {
					activations.activate(new ActivatePolicy(worldId, clientProfile, policyId, variant, command.actor()));
					activated++;
				}
				catch (PolicyException ex) {
					entries.add(new Entry(policyId, variant, Action.ERROR,
							"not activated in " + scope + ": " + ex.getMessage()));
				}
			}
		}

		Map<Action, Integer> counts = new EnumMap<>(Action.class);
		entries.forEach(entry -> counts.merge(entry.action(), 1, Integer::sum));
		return new ArtifactImportSummary(worldId, clientProfile, command.activate(),
				Math.toIntExact(Math.min(artifact.itemCount(), Integer.MAX_VALUE)),
				counts.getOrDefault(Action.IMPORTED, 0), counts.getOrDefault(Action.UPDATED, 0),
				counts.getOrDefault(Action.SKIPPED, 0), counts.getOrDefault(Action.ERROR, 0), activated,
				activationSkipped, artifact.manifestHash(), artifact.itemsHash(), artifact.artifactHash(),
				artifact.variantsHash(), entries);
	}

	private Entry importVariant(ArtifactVariant variant, String actor) {
		Optional<PolicyId> id = variant.id();
		if (!variant.importable() || id.isEmpty()) {
			return new Entry(variant.policyId(), variant.variant(), Action.ERROR,
					variant.label() + ": " + variant.problem());
		}
		String name = variant.variant().strip();
		Optional<StoredVariant> existing = variants.find(id.get(), name);
		if (existing.isPresent() && unchanged(existing.get(), variant, id.get(), name)) {
			return new Entry(variant.policyId(), name, Action.SKIPPED, "unchanged");
		}
		try {
			policies.upsert(new UpsertPolicyVariant(variant.policyId(), name, variant.schemaVersion(),
					variant.policyVersion(), PolicyStatus.parse(variant.status()), variant.content(), null, actor));
			return new Entry(variant.policyId(), name, existing.isPresent() ? Action.UPDATED : Action.IMPORTED, null);
		}
		catch (PolicyException ex) {
			return new Entry(variant.policyId(), name, Action.ERROR,
					variant.label() + ": " + ex.code() + ": " + ex.getMessage());
		}
	}

	private boolean unchanged(StoredVariant existing, ArtifactVariant variant, PolicyId id, String name) {
		return existing.schemaVersion().equals(variant.schemaVersion().strip())
				&& existing.policyVersion() == variant.policyVersion() && existing.status().equals(variant.status())
				&& existing.contentHash().equals(hashes.contentHash(id, name, variant.content()));
	}
}
