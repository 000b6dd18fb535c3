package dev.steward.kernel;

/**
 * A stable error code that clients see in {@code extensions.code}, and what kind of failure it is. Every
 * context's error enum implements it, so that errors reach clients through one mapping.
 */
public interface ErrorCode {

	/** The code as clients see it, e.g. {@code POLICY_WORLD_NOT_FOUND}. */
	String code();

	/** What kind of failure the code is. */
	ErrorKind kind();
}
