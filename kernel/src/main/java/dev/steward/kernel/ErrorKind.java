package dev.steward.kernel;

/** The kinds of failure an {@link ErrorCode} can be; each maps to one classification for clients. */
public enum ErrorKind {

	/** The request is wrong and retrying it unchanged cannot succeed. */
	BAD_REQUEST,

	/** The request names something that does not exist. */
	NOT_FOUND,

	/** The request collides with the current state: a version moved on, a name is taken. */
	CONFLICT,

	/** The caller may not do this. */
	FORBIDDEN,

	/** Steward failed a guarantee of its own; the request may be retried. */
	INTERNAL
}
