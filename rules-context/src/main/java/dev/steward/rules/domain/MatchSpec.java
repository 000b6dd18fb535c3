package dev.steward.rules.domain;

import java.util.Map;
import org.jmolecules.ddd.types.ValueObject;
import org.jspecify.annotations.Nullable;

/**
 * How a rule matches: a linear-time (RE2) pattern searched in a payload field, or a {@code lifter:…} kind with
 * parameters that an external worker evaluates.
 * @param field the field named by the rule, or null for the source kind's default
 * @param pattern the compiled pattern; null for an external rule
 */
public record MatchSpec(@Nullable String kind, @Nullable String field, RuleSyntax.@Nullable TextPattern pattern,
		Map<String, Object> parameters) implements ValueObject {

	public static final String LIFTER_PREFIX = "lifter:";

	public MatchSpec {
		parameters = Map.copyOf(parameters);
	}

	/** Whether external workers evaluate the rule rather than Steward. */
	public boolean external() {
		return kind != null && kind.startsWith(LIFTER_PREFIX);
	}

}
