package dev.steward.policy.domain;

import dev.steward.policy.PolicyLayer;

import static java.util.Map.entry;

import dev.steward.policy.domain.PolicyDraft;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import dev.steward.policy.PolicyStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jmolecules.ddd.annotation.Service;
import org.jspecify.annotations.Nullable;

/**
 * Checks a policy draft against the rules for every policy and those for its type, and reports every rule it
 * breaks, not just the first.
 * <p>
 * Every draft needs a non-blank variant and schema version, a policy version of 1 or more and one of the
 * {@link PolicyStatus} codes; its namespace and key are non-empty by construction of {@link PolicyId}. If the
 * content has {@code slot_kinds}, it is a non-empty list of non-empty strings. Then, by type:
 * <ul>
 * <li>{@code species_block}: the namespace is {@value #SPECIES_NAMESPACE} and {@code content.text} is a non-empty
 * string;</li>
 * <li>{@code image_block}, {@code clothing_block}, {@code location}, {@code prompt}: {@code content.text} is a
 * non-empty string;</li>
 * <li>{@code tone_profile}: {@code content.prompt_block} is a non-empty string;</li>
 * <li>{@code axis_bundle}: {@code content.axes}, {@code content.thresholds} and {@code content.resolution} are
 * non-empty objects;</li>
 * <li>{@code manifest_bundle}: {@code content.manifest} is a non-empty object;</li>
 * <li>every layer-2 type, built in or registered: {@code content.references} is a non-empty list of
 * {@code {policy_id, variant}} objects, each naming a policy of a layer-1 type and a variant of it that exists
 * (asked through {@link VariantLookup}); {@code descriptor_layer} also needs a non-empty {@code content.text};</li>
 * <li>every registered type: the content satisfies the type's JSON Schema (asked through
 * {@link JsonSchemaCheck}).</li>
 * </ul>
 * Each error names the field it is about, e.g. {@code content.references[1].policy_id}.
 */
@Service
public class PolicyValidator {

	static final String SPECIES_NAMESPACE = "image.blocks.species";

	private static final Map<PolicyType, ContentRule> BUILT_IN_RULES = Map.ofEntries(
			entry(PolicyType.SPECIES_BLOCK, speciesNamespace().and(nonEmptyString("text"))),
			entry(PolicyType.IMAGE_BLOCK, nonEmptyString("text")),
			entry(PolicyType.CLOTHING_BLOCK, nonEmptyString("text")),
			entry(PolicyType.LOCATION, nonEmptyString("text")),
			entry(PolicyType.PROMPT, nonEmptyString("text")),
			entry(PolicyType.TONE_PROFILE, nonEmptyString("prompt_block")),
			entry(PolicyType.AXIS_BUNDLE,
					nonEmptyObject("axes").and(nonEmptyObject("thresholds")).and(nonEmptyObject("resolution"))),
			entry(PolicyType.MANIFEST_BUNDLE, nonEmptyObject("manifest")),
			entry(PolicyType.DESCRIPTOR_LAYER, nonEmptyString("text")),
			entry(PolicyType.REGISTRY, (draft, errors) -> {
			}));

	private final VariantLookup variants;

	private final JsonSchemaCheck schemaCheck;

	/**
	 * @param variants tells which variants exist, for the references of layer-2 policies
	 * @param schemaCheck checks the content of registered types against their schemas
	 */
	public PolicyValidator(VariantLookup variants, JsonSchemaCheck schemaCheck) {
		this.variants = variants;
		this.schemaCheck = schemaCheck;
	}

	/**
	 * Checks every rule the draft must follow and lists each one it breaks.
	 *
	 * @param types the policy types to validate against, built in and registered, as they are now
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_TYPE_UNSUPPORTED} when the draft's type is neither
	 * built in nor registered; no other rule is checked then
	 */
	public ValidationOutcome validate(PolicyDraft draft, PolicyTypes types) {
		PolicyType type = types.require(draft.id().type());
		List<String> errors = new ArrayList<>();

		checkCommonFields(draft, errors);
		checkSlotKinds(draft.content(), errors);
		if (type.layer() == PolicyLayer.COMPOSITE) {
			checkReferences(draft.content(), types, errors);
		}
		if (type.builtIn()) {
			BUILT_IN_RULES.get(type).check(draft, errors);
		}
		types.registered(type.name())
			.ifPresent(registered -> errors.addAll(schemaCheck.check(registered.schema(), draft.content())));

		return ValidationOutcome.of(errors);
	}

	private static void checkCommonFields(PolicyDraft draft, List<String> errors) {
		if (isBlank(draft.variant())) {
			errors.add("variant must not be blank");
		}
		if (isBlank(draft.schemaVersion())) {
			errors.add("schemaVersion must not be blank");
		}
		if (draft.policyVersion() < 1) {
			errors.add("policyVersion must be 1 or more, not " + draft.policyVersion());
		}
		if (PolicyStatus.fromCode(draft.status()).isEmpty()) {
			errors.add(PolicyStatus.allowedCodesMessage());
		}
	}

	private static void checkSlotKinds(Map<String, Object> content, List<String> errors) {
		if (!content.containsKey("slot_kinds")) {
			return;
		}
		if (!(content.get("slot_kinds") instanceof List<?> slotKinds) || slotKinds.isEmpty()) {
			errors.add("content.slot_kinds must be a non-empty list of non-empty strings when given");
			return;
		}
		for (int i = 0; i < slotKinds.size(); i++) {
			if (!isNonEmptyString(slotKinds.get(i))) {
				errors.add("content.slot_kinds[" + i + "] must be a non-empty string");
			}
		}
	}

	private void checkReferences(Map<String, Object> content, PolicyTypes types, List<String> errors) {
		if (!(content.get("references") instanceof List<?> references) || references.isEmpty()) {
			errors.add("content.references must be a non-empty list of {policy_id, variant} objects");
			return;
		}
		for (int i = 0; i < references.size(); i++) {
			String path = "content.references[" + i + "]";
			if (!(references.get(i) instanceof Map<?, ?> reference)) {
				errors.add(path + " must be an object with policy_id and variant");
				continue;
			}
			Optional<PolicyId> id = referencedLayerOnePolicy(reference.get("policy_id"), path, types, errors);
			Object variant = reference.get("variant");
			if (!isNonEmptyString(variant)) {
				errors.add(path + ".variant must be a non-empty string");
			}
			else if (id.isPresent() && !variants.exists(id.get(), ((String) variant).strip())) {
				errors.add(path + " points at variant " + ((String) variant).strip() + " of " + id.get()
						+ ", which does not exist");
			}
		}
	}

	private Optional<PolicyId> referencedLayerOnePolicy(@Nullable Object value, String path, PolicyTypes types,
			List<String> errors) {
		if (!(value instanceof String text) || text.isBlank()) {
			errors.add(path + ".policy_id must be a non-empty string");
			return Optional.empty();
		}
		PolicyId id;
		try {
			id = PolicyId.parse(text);
		}
		catch (PolicyException ex) {
			errors.add(path + ".policy_id must have the form type:namespace:key, not '" + text + "'");
			return Optional.empty();
		}
		Optional<PolicyType> type = types.find(id.type());
		if (type.isEmpty()) {
			errors.add(path + ".policy_id names a policy type that is not supported: " + id.type());
			return Optional.empty();
		}
		if (!type.get().isReferenceable()) {
			errors.add(path + ".policy_id must name a layer-1 policy type, not " + id.type());
			return Optional.empty();
		}
		return Optional.of(id);
	}

	private static ContentRule speciesNamespace() {
		return (draft, errors) -> {
			if (!SPECIES_NAMESPACE.equals(draft.id().namespace())) {
				errors.add("namespace must be " + SPECIES_NAMESPACE + " for a species_block, not "
						+ draft.id().namespace());
			}
		};
	}

	private static ContentRule nonEmptyString(String field) {
		return (draft, errors) -> {
			if (!isNonEmptyString(draft.content().get(field))) {
				errors.add("content." + field + " must be a non-empty string");
			}
		};
	}

	private static ContentRule nonEmptyObject(String field) {
		return (draft, errors) -> {
			if (!(draft.content().get(field) instanceof Map<?, ?> object) || object.isEmpty()) {
				errors.add("content." + field + " must be a non-empty object");
			}
		};
	}

	private static boolean isNonEmptyString(@Nullable Object value) {
		return value instanceof String text && !text.isBlank();
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/** One rule about a draft of a built-in type; adds an error for each way the draft breaks it. */
	@FunctionalInterface
	private interface ContentRule {

		void check(PolicyDraft draft, List<String> errors);

		default ContentRule and(ContentRule next) {
			return (draft, errors) -> {
				check(draft, errors);
				next.check(draft, errors);
			};
		}
	}
}
