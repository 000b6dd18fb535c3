package dev.steward.policy;

/**
 * A request the policy context refuses, with the stable code that clients see in {@code extensions.code}.
 */
public class PolicyException extends RuntimeException {

	private final PolicyErrorCode code;

	public PolicyException(PolicyErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	public PolicyErrorCode code() {
		return code;
	}
}
