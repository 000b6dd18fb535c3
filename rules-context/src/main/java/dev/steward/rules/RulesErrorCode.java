package dev.steward.rules;

import dev.steward.kernel.ErrorCode;
import dev.steward.kernel.ErrorKind;

/** The rules context's error codes, and what kind of failure each is. */
public enum RulesErrorCode implements ErrorCode {

	/** A rule's YAML breaks one or more rules of the format; the problems are listed all at once. */
	RULE_INVALID(ErrorKind.BAD_REQUEST),
	/** No rule has the given id. */
	RULE_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** A rule id is blank, longer than 64 characters or not made of letters, digits, {@code _}, {@code -} and {@code .}. */
	RULE_ID_INVALID(ErrorKind.BAD_REQUEST),
	/** An operational state is not consistent: a ceiling outside [0, 1] or on a state that is not clipped, an expiry in the past. */
	RULE_STATE_INVALID(ErrorKind.BAD_REQUEST),
	/** An event to evaluate names a source kind that no rule can apply to. */
	RULE_SOURCE_KIND_UNKNOWN(ErrorKind.BAD_REQUEST),
	/** An event to evaluate is too large or its payload is not a JSON object. */
	RULE_EVENT_INVALID(ErrorKind.BAD_REQUEST),
	/** The rule store could not write a change (a rule file, for example); nothing changed. */
	RULE_STORE_FAILED(ErrorKind.INTERNAL);

	private final ErrorKind kind;

	RulesErrorCode(ErrorKind kind) {
		this.kind = kind;
	}

	@Override
	public String code() {
		return name();
	}

	@Override
	public ErrorKind kind() {
		return kind;
	}
}
