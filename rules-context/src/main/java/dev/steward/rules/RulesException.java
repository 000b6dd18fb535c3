package dev.steward.rules;

import dev.steward.kernel.CodedException;
import java.util.List;

/**
 * A request the rules context refuses, with the stable code that clients see in {@code extensions.code} and, for
 * {@code RULE_INVALID}, every problem found.
 */
public class RulesException extends CodedException {

	private final List<String> problems;

	public RulesException(RulesErrorCode code, String message) {
		this(code, message, List.of());
	}

	public RulesException(RulesErrorCode code, String message, List<String> problems) {
		super(code, message);
		this.problems = List.copyOf(problems);
	}

	/** A rule that fails validation: every problem, in the order found. */
	public static RulesException invalid(List<String> problems) {
		return new RulesException(RulesErrorCode.RULE_INVALID,
				"The rule is invalid: " + String.join("; ", problems), problems);
	}

	@Override
	public RulesErrorCode code() {
		return (RulesErrorCode) super.code();
	}

	/** Every problem found, for {@code RULE_INVALID}; empty otherwise. */
	public List<String> problems() {
		return problems;
	}
}
