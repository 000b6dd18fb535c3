package dev.steward.policy;

import dev.steward.kernel.IdempotencyKeys;
import dev.steward.kernel.Keyed;
import dev.steward.kernel.Page;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

	/**
	 * The stored variants among the given keys, read together in one query; keys that name no stored variant (or
	 * no valid policy id) are left out. For loading the variants of many activations at once.
	 */
	List<PolicyVariantView> findAll(Collection<VariantKey> keys);

	/** Up to {@code size} variants in listing order, after the position a cursor gave (from the start when null). */
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

	/**
	 * Create or replace a variant of a policy. With {@code expectedVersion}, the variant must exist at exactly that
	 * version. {@code actor} is the authenticated principal. {@code content} is a JSON object
	 * (anything else is {@code INVALID_ARGUMENT}). With an {@code idempotencyKey}, the same request again returns the first one's answer and appends nothing.
	 */
	public record UpsertPolicyVariant(String policyId, String variant, String schemaVersion, int policyVersion,
			PolicyStatus status, Object content, @Nullable Long expectedVersion, String actor,
			@Nullable String idempotencyKey) {

		public UpsertPolicyVariant {
			IdempotencyKeys.check(idempotencyKey);
		}

		public UpsertPolicyVariant(String policyId, String variant, String schemaVersion, int policyVersion,
			PolicyStatus status, Object content, @Nullable Long expectedVersion, String actor) {
			this(policyId, variant, schemaVersion, policyVersion, status, content, expectedVersion, actor, null);
		}
	}

	/** Validate a variant without storing it; the run is recorded. {@code actor} is the authenticated principal. {@code content} is a JSON object
	 * (anything else is {@code INVALID_ARGUMENT}). With an {@code idempotencyKey}, the same request again returns the first one's answer and appends nothing. */
	public record ValidatePolicyVariant(String policyId, String variant, String schemaVersion, int policyVersion,
			PolicyStatus status, Object content, String actor,
			@Nullable String idempotencyKey) {

		public ValidatePolicyVariant {
			IdempotencyKeys.check(idempotencyKey);
		}

		public ValidatePolicyVariant(String policyId, String variant, String schemaVersion, int policyVersion,
			PolicyStatus status, Object content, String actor) {
			this(policyId, variant, schemaVersion, policyVersion, status, content, actor, null);
		}
	}

	/**
	 * Register a policy type whose content is checked against a JSON Schema. {@code layer} is {@code content},
	 * {@code composite} (its content holds references to layer-1 variants) or {@code runtime_bundle}. {@code actor}
	 * is the authenticated principal.
	 */
	public record RegisterPolicyType(String name, PolicyLayer layer, Map<String, Object> jsonSchema, String actor,
			@Nullable String idempotencyKey) {

		public RegisterPolicyType {
			IdempotencyKeys.check(idempotencyKey);
		}

		public RegisterPolicyType(String name, PolicyLayer layer, Map<String, Object> jsonSchema, String actor) {
			this(name, layer, jsonSchema, actor, null);
		}
	}

	/** Exact-match filters for listing policies; a null field matches everything. */
	public record PolicyFilter(@Nullable String policyType, @Nullable String namespace, @Nullable PolicyStatus status) {

		public static PolicyFilter none() {
			return new PolicyFilter(null, null, null);
		}
	}

	/** Names one stored variant: the policy's id ({@code type:namespace:key}) and the variant's name. */
	public record VariantKey(String policyId, String variant) {
	}

	/** A stored variant of a policy, as read back from the database. */
	public record PolicyVariantView(String policyId, String policyType, String namespace, String policyKey,
			String variant, String schemaVersion, int policyVersion, String status, Map<String, Object> content,
			String contentHash, Instant updatedAt, String updatedBy, long version) implements Keyed {

		/** The variant's own id, {@code policyId@variant}. */
		public String id() {
			return policyId + "@" + variant;
		}

		/** Variants are listed by type, namespace and key, newest policy version first, then by name. */
		@Override
		public Map<String, Object> keyset() {
			return Map.of("policy_type", policyType, "namespace", namespace, "policy_key", policyKey, "policy_version",
					(long) policyVersion, "variant", variant);
		}

		/** The slot kinds this variant fills; see {@link #slotKinds(String, Map)}. */
		public List<String> slotKinds() {
			return slotKinds(namespace, content);
		}

		/**
		 * The slot kinds a variant fills: the strings of {@code content.slot_kinds}, stripped, without blanks and
		 * duplicates, in the order they first appear; or just the namespace when the content names none.
		 */
		public static List<String> slotKinds(String namespace, Map<String, Object> content) {
			Set<String> kinds = new LinkedHashSet<>();
			if (content.get("slot_kinds") instanceof List<?> declared) {
				for (Object kind : declared) {
					if (kind instanceof String text && !text.isBlank()) {
						kinds.add(text.strip());
					}
				}
			}
			return kinds.isEmpty() ? List.of(namespace) : List.copyOf(kinds);
		}
	}

	/** One recorded validation run: its verdict, every error, and who ran it when. */
	public record ValidationResult(long validationRunId, String policyId, String variant, boolean valid,
			List<String> errors, String contentHash, Instant validatedAt, String validatedBy) {

		/** The run's id, as clients see it. */
		public String id() {
			return Long.toString(validationRunId);
		}
	}

	/** A policy type: built in, or registered at runtime with a JSON Schema for its content. */
	public record PolicyTypeView(String name, PolicyLayer layer, boolean builtIn, @Nullable Map<String, Object> jsonSchema) {
	}

	/** The changes that turn variant {@code from} of a policy into variant {@code to}, in path order. */
	public record PolicyDiffView(String policyId, String from, String to, List<PolicyChange> changes) {
	}

	/**
	 * One difference between two variants: at {@code path} (an RFC 6901 JSON pointer into the variant, e.g.
	 * {@code /content/references/0/variant}) a value was added, removed or replaced.
	 */
	public record PolicyChange(Op op, String path, @Nullable Object from, @Nullable Object to) {

		/** What happened at the path. */
		public enum Op {
			ADD, REMOVE, REPLACE
		}
	}

	/**
	 * What rebuilding every policy view from the policy event log found, compared with the live views.
	 * @param consistent whether the rebuild equals the live views
	 * @param eventsReplayed how many log entries were replayed
	 * @param differences each row found only in the rebuild or only in the live view (at most 20 per view)
	 */
	public record PolicyViewsVerification(boolean consistent, long eventsReplayed, List<Difference> differences) {

		public PolicyViewsVerification {
			differences = List.copyOf(differences);
		}

		/**
		 * A row that the rebuild and the live view disagree on.
		 * @param view the view's table, e.g. {@code policy_variant}
		 * @param key the row's key, e.g. {@code prompt:npc:greeting@v1}
		 * @param problem {@code only in the log} or {@code only in the view}; a changed row shows up as both
		 */
		public record Difference(String view, String key, String problem) {
		}
	}
}
