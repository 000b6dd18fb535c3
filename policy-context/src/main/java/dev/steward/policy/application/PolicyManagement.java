package dev.steward.policy.application;

import dev.steward.policy.PolicyEvents;
import dev.steward.policy.domain.PolicyDraft;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicyFacade.PolicyDiffView;
import dev.steward.policy.PolicyFacade.PolicyFilter;
import dev.steward.policy.PolicyId;
import dev.steward.policy.PolicyFacade.PolicyTypeView;
import dev.steward.policy.PolicyFacade.RegisterPolicyType;
import dev.steward.policy.PolicyFacade.PolicyVariantView;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import dev.steward.policy.PolicyFacade.ValidatePolicyVariant;
import dev.steward.policy.PolicyFacade.ValidationResult;
import dev.steward.policy.PolicyFacade.PolicyViewsVerification;
import dev.steward.kernel.Keyset;
import dev.steward.kernel.Page;
import dev.steward.policy.PolicyFacade.VariantKey;
import dev.steward.kernel.events.IdempotentCommands;
import dev.steward.policy.domain.ContentLimits;
import dev.steward.policy.domain.JsonSchemaCheck;
import dev.steward.policy.domain.Policies;
import dev.steward.policy.domain.Policy;
import dev.steward.policy.domain.PolicyTypeRegistration;
import dev.steward.policy.domain.PolicyVariant;
import dev.steward.policy.domain.StoredVariant;
import dev.steward.policy.domain.ValidationRun;
import dev.steward.policy.domain.VariantName;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Qualifier;
import dev.steward.policy.domain.PolicyHashes;
import dev.steward.policy.PolicyLayer;
import dev.steward.policy.domain.PolicyType;
import dev.steward.policy.domain.PolicyTypeRegistered;
import dev.steward.policy.domain.PolicyTypes;
import dev.steward.policy.domain.RegisteredPolicyType;
import dev.steward.policy.domain.PolicyValidator;
import dev.steward.policy.domain.PolicyVariantSaved;
import dev.steward.policy.domain.PolicyVariantValidated;
import dev.steward.policy.domain.PolicyViewRebuild;
import dev.steward.policy.application.VariantReads.ListPosition;
import dev.steward.policy.domain.RegisteredTypes;
import dev.steward.policy.domain.ValidationOutcome;
import dev.steward.policy.domain.ValidationRuns;
import dev.steward.policy.domain.VariantDiff;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validates and stores policy variants. A validation run commits on its own, so that a failed validation is on
 * record even though the variant it judged is not stored; the variant, its identity and its log entry then commit
 * together.
 */
@Service
class PolicyManagement implements PolicyFacade {

	private final Policies policies;

	private final VariantReads variants;

	private final ValidationRuns runs;

	private final ValidationRunReads runReads;

	private final PolicyHashes hashes;

	private final IdempotentCommands idempotent;

	private final ContentLimits contentLimits;

	private final PolicyValidator validator;

	private final Clock clock = Clock.systemUTC();

	private final RegisteredTypes registeredTypes;

	private final JsonSchemaCheck schemaCheck;

	private final TransactionTemplate transactions;

	private final TransactionTemplate snapshot;

	private final PolicyViewRebuild viewRebuild;

	PolicyManagement(Policies policies, VariantReads variants, ValidationRuns runs, ValidationRunReads runReads,
			PolicyHashes hashes, @Qualifier("policyIdempotentCommands") IdempotentCommands idempotent,
			ContentLimits contentLimits, PolicyValidator validator,
			RegisteredTypes registeredTypes, JsonSchemaCheck schemaCheck, PolicyViewRebuild viewRebuild,
			PlatformTransactionManager transactions) {
		this.policies = policies;
		this.variants = variants;
		this.runs = runs;
		this.runReads = runReads;
		this.hashes = hashes;
		this.idempotent = idempotent;
		this.contentLimits = contentLimits;
		this.validator = validator;
		this.registeredTypes = registeredTypes;
		this.schemaCheck = schemaCheck;
		this.transactions = new TransactionTemplate(transactions);
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.viewRebuild = viewRebuild;
	}

	@Override
	public PolicyVariantView upsert(UpsertPolicyVariant command) {
		PolicyDraft draft = PolicyDraft.of(PolicyId.parse(command.policyId()), VariantName.check(command.variant()),
				command.schemaVersion(), command.policyVersion(), command.status().code(),
				contentLimits.check(command.content(), "content"));
		return idempotent.run(command.idempotencyKey(), command.actor(), PolicyVariantSaved.TYPE, () -> {
			ValidationRun run = validateAndRecord(draft, command.actor());
			return transactions.execute(status -> {
				Policy policy = policies.lockForChange(draft.id());
				PolicyVariant saved = policy.saveVariant(draft, run, command.actor(), now(), command.expectedVersion());
				policies.save(policy);
				return view(draft.id(), saved);
			});
		}, entry -> PolicyEvents.variantSaved(entry)
			.filter(first -> first.policyId().equals(draft.id().value())
					&& first.variant().equals(draft.variant().strip())));
	}

	@Override
	public ValidationResult validate(ValidatePolicyVariant command) {
		PolicyDraft draft = PolicyDraft.of(PolicyId.parse(command.policyId()), VariantName.check(command.variant()),
				command.schemaVersion(), command.policyVersion(), command.status().code(),
				contentLimits.check(command.content(), "content"));
		return idempotent.run(command.idempotencyKey(), command.actor(), PolicyVariantValidated.TYPE,
				() -> result(validateAndRecord(draft, command.actor())),
				entry -> PolicyEvents.validation(entry)
					.filter(first -> first.policyId().equals(draft.id().value())
							&& first.variant().equals(draft.variant().strip())));
	}

	@Override
	public Optional<PolicyVariantView> find(String policyId, @Nullable String variant) {
		PolicyId id = PolicyId.parse(policyId);
		return (variant == null ? variants.latest(id) : variants.find(id, variant)).map(PolicyManagement::view);
	}

	@Override
	public List<PolicyVariantView> findAll(Collection<VariantKey> keys) {
		List<VariantKey> valid = new ArrayList<>(keys.size());
		for (VariantKey key : keys) {
			try {
				valid.add(new VariantKey(PolicyId.parse(key.policyId()).value(), key.variant()));
			}
			catch (PolicyException ex) {
				// an id that is not a policy id names no stored variant
			}
		}
		return variants.findAll(valid).stream().map(PolicyManagement::view).toList();
	}

	@Override
	public Page<PolicyVariantView> list(PolicyFilter filter, @Nullable Map<String, ?> after, int size) {
		Page.checkSize(size);
		Keyset position = Keyset.of(after);
		ListPosition from = position == null ? null
				: new ListPosition(position.text("policy_type"), position.text("namespace"), position.text("policy_key"),
						position.integer("policy_version"), position.text("variant"));
		return Page.of(variants.list(filter, from, size + 1), size, position != null).map(PolicyManagement::view);
	}

	@Override
	public PolicyDiffView diff(String policyId, String from, String to) {
		PolicyId id = PolicyId.parse(policyId);
		return new PolicyDiffView(id.value(), from, to,
				VariantDiff.between(comparable(require(id, from)), comparable(require(id, to))));
	}

	private StoredVariant require(PolicyId id, String variant) {
		return variants.find(id, variant)
			.orElseThrow(() -> new PolicyException(PolicyErrorCode.POLICY_VARIANT_NOT_FOUND,
					"There is no variant " + variant + " of " + id));
	}

	private static Map<String, Object> comparable(StoredVariant variant) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("schemaVersion", variant.schemaVersion());
		fields.put("policyVersion", variant.policyVersion());
		fields.put("status", variant.status());
		fields.put("content", variant.content());
		return fields;
	}

	@Override
	public List<PolicyTypeView> policyTypes() {
		List<PolicyTypeView> types = new ArrayList<>();
		PolicyType.BUILT_INS.forEach(type -> types.add(new PolicyTypeView(type.name(), type.layer(), true, null)));
		registeredTypes.all()
			.forEach(registered -> types.add(new PolicyTypeView(registered.name(), registered.type().layer(),
					false, registered.schema())));
		return List.copyOf(types);
	}

	@Override
	public PolicyTypeView registerPolicyType(RegisterPolicyType command) {
		PolicyLayer layer = command.layer();
		schemaCheck.requireValidSchema(command.jsonSchema());
		RegisteredPolicyType registered = RegisteredPolicyType.of(command.name(), layer, command.jsonSchema());
		return idempotent.run(command.idempotencyKey(), command.actor(), PolicyTypeRegistered.TYPE,
				() -> transactions.execute(status -> {
					registeredTypes.save(PolicyTypeRegistration.register(registered,
							PolicyTypes.of(registeredTypes.all()), command.actor()));
					return new PolicyTypeView(registered.name(), layer, false, registered.schema());
				}), entry -> PolicyEvents.typeRegistration(entry)
					.filter(first -> first.name().equals(registered.name())));
	}

	@Override
	public PolicyViewsVerification verifyViews() {
		return snapshot.execute(status -> viewRebuild.verify());
	}

	@Override
	public List<ValidationResult> validationRuns(String policyId, String variant) {
		return runReads.of(PolicyId.parse(policyId), variant);
	}

	/** Validates {@code draft} and records the run, in a transaction of its own so that a failed run stays on record. */
	private ValidationRun validateAndRecord(PolicyDraft draft, String actor) {
		ValidationOutcome outcome = validator.validate(draft, PolicyTypes.of(registeredTypes.all()));
		String contentHash = hashes.contentHash(draft.id(), draft.variant().strip(), draft.content());
		return transactions.execute(status -> runs
			.save(ValidationRun.record(runs.nextId(), draft, outcome, contentHash, actor, now())));
	}

	private Instant now() {
		// microseconds: what PostgreSQL keeps, so that what is answered is what is stored
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static ValidationResult result(ValidationRun run) {
		return new ValidationResult(run.getId().value(), run.policyId().value(), run.variant().value(),
				run.outcome().valid(), run.outcome().errors(), run.contentHash(), run.validatedAt(), run.validatedBy());
	}

	/** How clients see a stored variant. */
	static PolicyVariantView view(StoredVariant variant) {
		return new PolicyVariantView(variant.policyId(), variant.policyType(), variant.namespace(), variant.policyKey(),
				variant.variant(), variant.schemaVersion(), variant.policyVersion(), variant.status(), variant.content(),
				variant.contentHash(), variant.updatedAt(), variant.updatedBy(), variant.version());
	}

	static PolicyVariantView view(PolicyId id, PolicyVariant variant) {
		return new PolicyVariantView(id.value(), id.type(), id.namespace(), id.key(), variant.name(),
				variant.schemaVersion(), variant.policyVersion(), variant.status(), variant.content(),
				variant.contentHash(), variant.updatedAt(), variant.updatedBy(), variant.version());
	}


}
