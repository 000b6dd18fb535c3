package dev.steward.rules.domain;

import org.jmolecules.ddd.types.ValueObject;
import org.jspecify.annotations.Nullable;

/** An ATT&CK technique a rule emits when it matches, with its tactic and base confidence in [0, 1]. */
public record Emit(String techniqueId, @Nullable String subTechniqueId, String tactic, double confidence)
		implements ValueObject {
}
