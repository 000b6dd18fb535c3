package dev.steward.policy;

import dev.steward.kernel.CodedException;

/**
 * A request the policy context refuses, with the stable code that clients see in {@code extensions.code}.
 */
public class PolicyException extends CodedException {

	public PolicyException(PolicyErrorCode code, String message) {
		super(code, message);
	}

	@Override
	public PolicyErrorCode code() {
		return (PolicyErrorCode) super.code();
	}
}
