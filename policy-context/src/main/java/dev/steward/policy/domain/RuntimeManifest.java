package dev.steward.policy.domain;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmolecules.ddd.types.ValueObject;
import org.jspecify.annotations.Nullable;

/**
 * A world's manifest as runtime resolution reads it: the {@code manifest} object of the effective
 * {@code manifest_bundle:world.manifests:<world_id>} variant.
 * <ul>
 * <li>{@code axis.active_bundle.id}: a non-empty string, the key of {@code axis_bundle:axis.bundles:<id>};</li>
 * <li>{@code axis.active_bundle.version}: a positive integer, 1 when absent; the axis bundle's variant must be
 * {@code v<version>};</li>
 * <li>{@code image.composition.required_runtime_inputs}: a list of non-empty strings, empty when absent;</li>
 * <li>{@code image.composition.order}: a list of non-empty strings, empty when absent;</li>
 * <li>{@code image.<component>.policy_id} for each of {@link #COMPONENTS}: the id of a policy of the component's
 * type, or no {@code image.<component>} at all;</li>
 * <li>{@code policy_schema}: a string naming the manifest's schema, null when absent.</li>
 * </ul>
 * Anything else in the manifest is carried along unread (and hashed). A manifest breaking one of these shapes
 * fails with {@link PolicyErrorCode#POLICY_EFFECTIVE_MANIFEST_INVALID}: the axis and required-input shapes when
 * it is read, the image-only ones ({@code order}, components, {@code policy_schema}) when they are asked for.
 */
public record RuntimeManifest(String policyId, String variant, Map<String, Object> manifest, String bundleId, int bundleVersion,
		List<String> requiredRuntimeInputs) implements ValueObject {

	/** The image components a manifest may name, each with the policy type it must have. */
	public static final Map<String, String> COMPONENTS = orderedComponents();

	public RuntimeManifest {
		requiredRuntimeInputs = List.copyOf(requiredRuntimeInputs);
	}

	/** The manifest policy id of a world: {@code manifest_bundle:world.manifests:<world_id>}. */
	public static PolicyId policyIdOf(String worldId) {
		return PolicyId.of(PolicyType.MANIFEST_BUNDLE.name(), "world.manifests", worldId);
	}

	/** The axis bundle policy id of a bundle: {@code axis_bundle:axis.bundles:<id>}. */
	public static PolicyId axisPolicyIdOf(String bundleId) {
		return PolicyId.of(PolicyType.AXIS_BUNDLE.name(), "axis.bundles", bundleId);
	}

	/** Reads the manifest from a manifest variant's content. */
	public static RuntimeManifest read(StoredVariant variant) {
		String policyId = variant.policyId();
		Map<String, Object> manifest = object(variant.content().get("manifest"), "content.manifest", policyId, false);
		Map<String, Object> axis = object(manifest.get("axis"), "manifest.axis", policyId, false);
		Map<String, Object> active = object(axis.get("active_bundle"), "manifest.axis.active_bundle", policyId, false);
		if (!(active.get("id") instanceof String id) || id.isBlank()) {
			throw invalid(policyId, "manifest.axis.active_bundle.id must be a non-empty string");
		}
		int version = version(active.get("version"), policyId);
		List<String> inputs = strings(composition(manifest, policyId).get("required_runtime_inputs"),
				"manifest.image.composition.required_runtime_inputs", policyId);
		return new RuntimeManifest(policyId, variant.variant(), manifest, id.strip(), version, inputs);
	}

	public PolicyId axisPolicyId() {
		return axisPolicyIdOf(bundleId);
	}

	/** The variant of the axis bundle the manifest names: {@code v<version>}. */
	public String axisVariant() {
		return "v" + bundleVersion;
	}

	public @Nullable String policySchema() {
		Object schema = manifest.get("policy_schema");
		if (schema == null) {
			return null;
		}
		if (!(schema instanceof String text)) {
			throw invalid(policyId, "manifest.policy_schema must be a string");
		}
		return text;
	}

	public List<String> compositionOrder() {
		return strings(composition(manifest, policyId).get("order"), "manifest.image.composition.order", policyId);
	}

	/** The policy id {@code image.<component>.policy_id} names, or null when there is no {@code image.<component>}. */
	public @Nullable PolicyId component(String component) {
		String type = COMPONENTS.get(component);
		if (type == null) {
			throw new IllegalArgumentException("Not an image component: " + component);
		}
		String path = "manifest.image." + component;
		Map<String, Object> entry = object(image(manifest, policyId).get(component), path, policyId, true);
		if (entry.isEmpty()) {
			return null;
		}
		PolicyId id;
		try {
			id = entry.get("policy_id") instanceof String text ? PolicyId.parse(text) : null;
		}
		catch (PolicyException ex) {
			id = null;
		}
		if (id == null) {
			throw invalid(policyId, path + ".policy_id must be a policy id of the form type:namespace:key");
		}
		if (!id.type().equals(type)) {
			throw invalid(policyId, path + ".policy_id must name a " + type + " policy, not " + id);
		}
		return id;
	}

	private static Map<String, Object> image(Map<String, Object> manifest, String policyId) {
		return object(manifest.get("image"), "manifest.image", policyId, true);
	}

	private static Map<String, Object> composition(Map<String, Object> manifest, String policyId) {
		return object(image(manifest, policyId).get("composition"), "manifest.image.composition", policyId, true);
	}

	private static int version(@Nullable Object version, String policyId) {
		if (version == null) {
			return 1;
		}
		long value = switch (version) {
			case Integer number -> number;
			case Long number -> number;
			case Short number -> number;
			case BigInteger number when number.bitLength() < 32 -> number.intValue();
			default -> 0;
		};
		if (value < 1 || value > Integer.MAX_VALUE) {
			throw invalid(policyId, "manifest.axis.active_bundle.version must be a positive integer, not " + version);
		}
		return (int) value;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(@Nullable Object value, String path, String policyId,
			boolean optional) {
		if (value == null && optional) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw invalid(policyId, path + " must be an object");
		}
		return (Map<String, Object>) map;
	}

	private static List<String> strings(@Nullable Object value, String path, String policyId) {
		if (value == null) {
			return List.of();
		}
		if (!(value instanceof List<?> list)) {
			throw invalid(policyId, path + " must be a list of non-empty strings");
		}
		List<String> strings = new ArrayList<>();
		for (Object element : list) {
			if (!(element instanceof String text) || text.isBlank()) {
				throw invalid(policyId, path + " must be a list of non-empty strings");
			}
			strings.add(text);
		}
		return List.copyOf(strings);
	}

	private static PolicyException invalid(String policyId, String problem) {
		return new PolicyException(PolicyErrorCode.POLICY_EFFECTIVE_MANIFEST_INVALID,
				"The effective manifest " + policyId + " is not usable: " + problem);
	}

	private static Map<String, String> orderedComponents() {
		LinkedHashMap<String, String> components = new LinkedHashMap<>();
		components.put("descriptor_layer", PolicyType.DESCRIPTOR_LAYER.name());
		components.put("tone_profile", PolicyType.TONE_PROFILE.name());
		components.put("species_registry", PolicyType.REGISTRY.name());
		components.put("clothing_registry", PolicyType.REGISTRY.name());
		return Collections.unmodifiableMap(components);
	}
}
