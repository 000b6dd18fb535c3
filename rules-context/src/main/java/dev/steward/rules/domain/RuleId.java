package dev.steward.rules.domain;

import dev.steward.rules.RulesErrorCode;
import dev.steward.rules.RulesException;
import org.jmolecules.ddd.types.Identifier;

/** A rule's id as its YAML gives it, e.g. {@code R0015}: 1 to 64 letters, digits, {@code _}, {@code -} or {@code .}. */
public record RuleId(String value) implements Identifier {

	public RuleId {
		if (!RuleParser.RULE_ID.matcher(value).matches()) {
			throw new RulesException(RulesErrorCode.RULE_ID_INVALID,
					"A rule id is 1 to 64 letters, digits, _, - or ., was '" + value + "'");
		}
	}

	public static RuleId of(String value) {
		return new RuleId(value);
	}

	@Override
	public String toString() {
		return value;
	}
}
