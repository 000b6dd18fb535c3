package dev.steward.retention;

import dev.steward.kernel.CodedException;

/** A request the retention context refuses, with the stable code that clients see in {@code extensions.code}. */
public class RetentionException extends CodedException {

	public RetentionException(RetentionErrorCode code, String message) {
		super(code, message);
	}

	@Override
	public RetentionErrorCode code() {
		return (RetentionErrorCode) super.code();
	}
}
