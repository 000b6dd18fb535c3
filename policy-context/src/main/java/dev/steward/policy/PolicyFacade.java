package dev.steward.policy;

import dev.steward.kernel.Page;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Policies and their variants. Every validation is recorded as a run, whether it passes or fails; an invalid
 * variant is never stored.
 */
public interface PolicyFacade {

	/**
	 * Validates, records the run, then stores the variant and appends {@code v1.policy_variant.saved}.
	 * @return the variant as read back from the database
	 * @throws PolicyException {@code POLICY_ID_INVALID}, {@code POLICY_TYPE_UNSUPPORTED},
	 * {@code POLICY_VALIDATION_ERROR}, {@code CONFLICT}
	 */
	PolicyVariantView upsert(UpsertPolicyVariant command);

	/** Validates without storing the variant, and records the run. */
	ValidationResult validate(ValidatePolicyVariant command);

	/** The variant, or the one with the highest policy version when {@code variant} is null. */
	Optional<PolicyVariantView> find(String policyId, @Nullable String variant);

	/** Up to {@code limit} variants after the cursor (from the start when null). */
	Page<PolicyVariantView> list(PolicyFilter filter, @Nullable Map<String, ?> after, int size);


	/**
	 * The JSON-pointer level changes from one variant of a policy to another: its fields and its content.
	 * @throws PolicyException {@code POLICY_VARIANT_NOT_FOUND} when either variant does not exist
	 */
	PolicyDiffView diff(String policyId, String from, String to);

	/** The built-in policy types and those registered at runtime. */
	List<PolicyTypeView> policyTypes();

	/**
	 * Registers a policy type whose content must satisfy a JSON Schema, and appends
	 * {@code v1.policy_type.registered}.
	 * @throws PolicyException {@code POLICY_TYPE_INVALID} (bad name, layer or schema), {@code POLICY_TYPE_EXISTS}
	 */
	PolicyTypeView registerPolicyType(RegisterPolicyType command);

	/** The recorded validation runs of a variant, newest first. */
	List<ValidationResult> validationRuns(String policyId, String variant);

	/**
	 * Rebuilds every policy view (worlds, policies, variants, validation runs, activations and their history,
	 * registered types, publish runs) from the policy event log, in one snapshot, and reports each row the
	 * rebuild and the live views disagree on. Timestamps are left out: the views keep the transaction's time,
	 * the log the append's.
	 */
	PolicyViewsVerification verifyViews();
}
