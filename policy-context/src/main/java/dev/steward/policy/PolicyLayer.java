package dev.steward.policy;

/**
 * Where a policy type sits in the layer model: layer 1 holds atomic content, layer 2 holds composites that refer
 * to layer-1 variants, and runtime bundles stand beside both.
 */
public enum PolicyLayer {

	/** Layer 1: atomic content that refers to nothing else, such as a prompt or an image block. */
	CONTENT(1),

	/** Layer 2: composites that refer to existing layer-1 variants, such as a descriptor layer or a registry. */
	COMPOSITE(2),

	/**
	 * Bundles read at runtime resolution (axes, manifests). They are not part of the layer model and composites
	 * cannot refer to them, but, referring to nothing themselves, they are imported together with layer 1.
	 */
	RUNTIME_BUNDLE(1);

	private final int importOrder;

	PolicyLayer(int importOrder) {
		this.importOrder = importOrder;
	}

	/**
	 * The pass in which an import writes policies of this layer: 1 before 2, so that every reference a composite
	 * makes exists by the time the composite is validated. Runtime bundles go with layer 1.
	 */
	public int importOrder() {
		return importOrder;
	}
}
