package dev.steward.app.security;

/** No valid bearer token came with the request. */
public class UnauthenticatedError extends RuntimeException {

	public UnauthenticatedError(String message) {
		super(message);
	}
}
