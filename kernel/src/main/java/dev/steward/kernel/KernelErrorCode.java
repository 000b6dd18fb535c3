package dev.steward.kernel;

/** The error codes of the kernel itself. */
public enum KernelErrorCode implements ErrorCode {

	/** An argument breaks a rule that holds for every context (valid Unicode, a number a double can hold). */
	INVALID_ARGUMENT(ErrorKind.BAD_REQUEST),

	/** No context has an event log of the given name. */
	EVENT_LOG_NOT_FOUND(ErrorKind.NOT_FOUND),

	/** An idempotency key was used before for a different request. */
	IDEMPOTENCY_KEY_REUSED(ErrorKind.CONFLICT);

	private final ErrorKind kind;

	KernelErrorCode(ErrorKind kind) {
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
