package dev.steward.retention;

import dev.steward.kernel.ErrorCode;
import dev.steward.kernel.ErrorKind;

/** The retention context's error codes, and what kind of failure each is. */
public enum RetentionErrorCode implements ErrorCode {

	/** No retention class has the given name (a subject's creation that names it is refused). */
	RETENTION_CLASS_UNKNOWN(ErrorKind.BAD_REQUEST),
	/** A class to create or change breaks a rule of its shape (name, duration, strategy, mode). */
	RETENTION_CLASS_INVALID(ErrorKind.BAD_REQUEST),
	/** A class with the given name exists already. */
	RETENTION_CLASS_EXISTS(ErrorKind.CONFLICT),
	/** A subject kind or id breaks its rule. */
	RETENTION_SUBJECT_INVALID(ErrorKind.BAD_REQUEST),
	/** Retention governs no subject of this kind and id. */
	RETENTION_SUBJECT_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** The subject's default retention applied already. */
	RETENTION_ALREADY_APPLIED(ErrorKind.CONFLICT),
	/** A reason is required and was blank. */
	RETENTION_REASON_REQUIRED(ErrorKind.BAD_REQUEST),
	/** The new expiry is not strictly later than the current one, or the subject never expires. */
	RETENTION_NOT_EXTENDABLE(ErrorKind.CONFLICT),
	/** The new expiry is not earlier than the current one. */
	RETENTION_NOT_SHORTENABLE(ErrorKind.CONFLICT),
	/** The subject's retention is in compliance mode: nobody can shorten it. */
	RETENTION_COMPLIANCE_LOCKED(ErrorKind.CONFLICT),
	/** The hold is not an active hold of the subject. */
	RETENTION_HOLD_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** The subject has as many active holds as it may have. */
	RETENTION_HOLD_LIMIT(ErrorKind.CONFLICT),
	/** The subject was purged already; its retention can no longer change. */
	RETENTION_SUBJECT_PURGED(ErrorKind.CONFLICT),
	/** The subject is past its retention and not held (or purged): what it kept is gone. */
	RETENTION_SUBJECT_EXPIRED(ErrorKind.NOT_FOUND),
	/** The retention was changed by someone else at the same time; read it again and retry. */
	RETENTION_CONFLICT(ErrorKind.CONFLICT);

	private final ErrorKind kind;

	RetentionErrorCode(ErrorKind kind) {
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
