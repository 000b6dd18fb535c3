package dev.steward.rules.domain;

import dev.steward.rules.SourceKind;
import java.util.List;
import java.util.Set;
import org.jmolecules.ddd.types.ValueObject;
import org.jspecify.annotations.Nullable;

/**
 * A rule as its YAML defines it, validated and compiled: immutable, and swapped whole when the rule changes.
 * {@link RuleParser} is the only way to make one from text.
 */
public record RuleDefinition(String ruleId, int ruleVersion, String name, @Nullable String description,
		Set<SourceKind> appliesTo, MatchSpec match, List<Emit> emits, List<String> evidenceFields)
		implements ValueObject {

	public RuleDefinition {
		appliesTo = Set.copyOf(appliesTo);
		emits = List.copyOf(emits);
		evidenceFields = List.copyOf(evidenceFields);
	}

	/** The source kinds in their declared order of the enum, as text. */
	public List<String> appliesToNames() {
		return appliesTo.stream().sorted().map(SourceKind::value).toList();
	}

	/** The field the pattern is matched against for an event of {@code kind}. */
	public @Nullable String fieldFor(SourceKind kind) {
		return match.field() != null ? match.field() : kind.defaultField();
	}
}
