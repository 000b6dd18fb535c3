package dev.steward.app.security;

/** The caller is known but its role does not allow the operation. */
public class AccessDeniedError extends RuntimeException {

	public AccessDeniedError(String message) {
		super(message);
	}
}
