package dev.steward.policy.domain;

import dev.steward.policy.domain.PolicyDraft;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jmolecules.ddd.types.AggregateRoot;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A policy: its id and its variants. A variant is stored only with the validation run that judged exactly the
 * content being stored, and only if that run passed; each save counts the variant's version up and records
 * {@link PolicyVariantSaved}.
 */
public final class Policy extends AbstractAggregateRoot<Policy> implements AggregateRoot<Policy, PolicyId> {

	private final PolicyId id;

	private final Map<VariantName, PolicyVariant> variants = new LinkedHashMap<>();

	private final Set<VariantName> changed = new LinkedHashSet<>();

	private Policy(PolicyId id, List<PolicyVariant> variants) {
		this.id = id;
		variants.forEach(variant -> this.variants.put(variant.getId(), variant));
	}

	/** A policy as stored, with every variant it has (none for a policy not stored yet). */
	public static Policy of(PolicyId id, List<PolicyVariant> variants) {
		return new Policy(id, variants);
	}

	@Override
	public PolicyId getId() {
		return id;
	}

	public Optional<PolicyVariant> variant(VariantName name) {
		return Optional.ofNullable(variants.get(name));
	}

	/**
	 * Stores {@code draft} as the variant it names, replacing what that variant held.
	 *
	 * @param run the validation run of this very draft
	 * @param expectedVersion when given, the version the variant must be at now
	 * @throws PolicyException {@code POLICY_VALIDATION_ERROR} with the run's errors when it failed;
	 * {@code CONFLICT} when {@code expectedVersion} is not the variant's version
	 * @throws IllegalArgumentException when {@code run} judged another policy, variant or content
	 */
	public PolicyVariant saveVariant(PolicyDraft draft, ValidationRun run, String actor, Instant now,
			@Nullable Long expectedVersion) {
		VariantName name = VariantName.of(draft.variant());
		if (!run.policyId().equals(id) || !run.variant().equals(name)) {
			throw new IllegalArgumentException("Run " + run.getId() + " judged " + run.policyId() + "@" + run.variant()
					+ ", not " + id + "@" + name);
		}
		run.outcome().requireValid();
		PolicyVariant existing = variants.get(name);
		if (expectedVersion != null && (existing == null || existing.version() != expectedVersion)) {
			throw new PolicyException(PolicyErrorCode.CONFLICT, "Variant " + id + "@" + name + " is not at version "
					+ expectedVersion + "; read it again and retry");
		}
		PolicyVariant saved = new PolicyVariant(name, draft.schemaVersion().strip(), draft.policyVersion(),
				draft.status(), draft.content(), run.contentHash(), now, actor,
				existing == null ? 0 : existing.version() + 1);
		variants.put(name, saved);
		changed.add(name);
		registerEvent(new PolicyVariantSaved(id, saved));
		return saved;
	}

	/** The variants changed since the policy was loaded, each with the version it had before (null if new). */
	public List<Change> changes() {
		List<Change> changes = new ArrayList<>();
		changed.forEach(name -> changes.add(new Change(variants.get(name))));
		return changes;
	}

	/** Forgets the changes once they are stored. */
	public void changesStored() {
		changed.clear();
	}

	/** A changed variant; its previous version is one less than its version, unless it is new (version 0). */
	public record Change(PolicyVariant variant) {

		public boolean isNew() {
			return variant.version() == 0;
		}
	}
}
