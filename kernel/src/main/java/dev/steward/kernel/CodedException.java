package dev.steward.kernel;

/** A refusal with a stable {@link ErrorCode}; the message says what was wrong in words a client can act on. */
public class CodedException extends RuntimeException {

	private final ErrorCode code;

	public CodedException(ErrorCode code, String message) {
		super(message);
		this.code = code;
	}

	public ErrorCode code() {
		return code;
	}
}
