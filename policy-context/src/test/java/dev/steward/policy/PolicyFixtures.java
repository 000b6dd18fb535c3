package dev.steward.policy;

import dev.steward.policy.domain.PolicyDraft;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Policy ids, drafts and content that read like the domain; valid unless a name says otherwise. */
public final class PolicyFixtures {

	/** The layer-1 policy that the valid composites refer to. */
	public static final PolicyId REFERENCED_PROMPT = PolicyId.of("prompt", "npc.dialogue", "greeting");

	/** The variant of {@link #REFERENCED_PROMPT} that the valid composites refer to. */
	public static final String REFERENCED_VARIANT = "v1";

	private PolicyFixtures() {}

	/** An id of the given type; a species block gets the namespace its type requires. */
	public static PolicyId anyPolicyId(String type) {
		return switch (type) {
			case "species_block" -> PolicyId.of(type, "image.blocks.species", "goblin");
			case "prompt" -> PolicyId.of(type, "npc.dialogue", "farewell");
			default -> PolicyId.of(type, "fixtures." + type, "sample");
		};
	}

	/** A draft of the given type that every rule accepts, as long as {@link #REFERENCED_PROMPT} v1 exists. */
	public static PolicyDraft validDraft(String type) {
		return validDraft(anyPolicyId(type), validContent(type));
	}

	/** A draft of the given type with valid fields and the given content. */
	public static PolicyDraft validDraft(String type, Map<String, Object> content) {
		return validDraft(anyPolicyId(type), content);
	}

	/** A draft with valid fields: variant v1, schema version 1.0, policy version 1, status draft. */
	public static PolicyDraft validDraft(PolicyId id, Map<String, Object> content) {
		return PolicyDraft.of(id, "v1", PolicyDraft.CURRENT_SCHEMA_VERSION, 1, "draft", content);
	}

	/** Content that the rules of a built-in type accept; for any other type, a small object. */
	public static Map<String, Object> validContent(String type) {
		return switch (type) {
			case "species_block" -> Map.of("text", "a wiry goblin with moss-green skin");
			case "image_block", "clothing_block", "location", "prompt" -> Map.of("text", "some " + type + " text");
			case "tone_profile" -> Map.of("prompt_block", "Speak tersely.");
			case "axis_bundle" -> Map.of("axes", Map.of("mood", List.of("calm", "angry")), "thresholds",
					Map.of("mood", 0.5), "resolution", Map.of("strategy", "highest"));
			case "manifest_bundle" -> Map.of("manifest", Map.of("image", Map.of("composition", Map.of())));
			case "registry" -> Map.of("references", List.of(reference(REFERENCED_PROMPT.value(), REFERENCED_VARIANT)));
			case "descriptor_layer" -> Map.of("text", "layered description", "references",
					List.of(reference(REFERENCED_PROMPT.value(), REFERENCED_VARIANT)));
			default -> Map.of("size", 3);
		};
	}

	/** The valid content of the type, with one entry set to the given value (which may be null). */
	public static Map<String, Object> contentWith(String type, String key, @Nullable Object value) {
		Map<String, Object> content = new LinkedHashMap<>(validContent(type));
		content.put(key, value);
		return content;
	}

	/** The valid content of the type, without the given entry. */
	public static Map<String, Object> contentWithout(String type, String key) {
		Map<String, Object> content = new LinkedHashMap<>(validContent(type));
		content.remove(key);
		return content;
	}

	/** A reference from a composite to a layer-1 variant, as it appears in {@code content.references}. */
	public static Map<String, Object> reference(String policyId, String variant) {
		return Map.of("policy_id", policyId, "variant", variant);
	}
}
