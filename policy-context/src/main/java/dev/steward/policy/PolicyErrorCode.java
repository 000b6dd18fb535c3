package dev.steward.policy;

/** The policy context's error codes, and what kind of failure each is. */
public enum PolicyErrorCode {

	/** The input breaks a rule of the world's shape (blank name, bad id, config not an object). */
	POLICY_WORLD_INVALID(Kind.BAD_REQUEST),
	/** No world has the given id. */
	POLICY_WORLD_NOT_FOUND(Kind.NOT_FOUND),
	/** A world with the given id exists already. */
	POLICY_WORLD_EXISTS(Kind.CONFLICT),
	/** The expected version is not the current one: someone else changed it first. */
	CONFLICT(Kind.CONFLICT);

	/** What kind of failure a code is. */
	public enum Kind {
		BAD_REQUEST, NOT_FOUND, CONFLICT
	}

	private final Kind kind;

	PolicyErrorCode(Kind kind) {
		this.kind = kind;
	}

	public Kind kind() {
		return kind;
	}
}
