package dev.steward.rules.domain;

import org.jmolecules.ddd.types.ValueObject;

/** A rule in force with its operational state stamped on it, as evaluation and workers use it. */
public record CompiledRule(RuleDefinition definition, RuleState state) implements ValueObject {
}
