package dev.steward.registry;

import dev.steward.kernel.ErrorCode;
import dev.steward.kernel.ErrorKind;

/** The registry context's error codes, and what kind of failure each is. */
public enum RegistryErrorCode implements ErrorCode {

	/** No package has the given id. */
	PACKAGE_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** No file has the given id. */
	FILE_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** A package's fields break a rule: a blank or too long name, producer, subject or retention class. */
	PACKAGE_INVALID(ErrorKind.BAD_REQUEST),
	/** The package is not in the status the operation needs (files are added to, and finalize needs, {@code created}). */
	ILLEGAL_PACKAGE_STATE(ErrorKind.CONFLICT),
	/** The package has a file at this relative path already. */
	DUPLICATE_RELATIVE_PATH(ErrorKind.CONFLICT),
	/** A relative path is empty, absolute, has {@code ..} or {@code .} segments, a backslash, NUL or a control character. */
	INVALID_RELATIVE_PATH(ErrorKind.BAD_REQUEST),
	/** A media type is not of the form {@code type/subtype}. */
	INVALID_MEDIA_TYPE(ErrorKind.BAD_REQUEST),
	/** A file is larger than the configured limit. */
	FILE_TOO_LARGE(ErrorKind.BAD_REQUEST),
	/** No metadata schema has the given slug. */
	METADATA_SCHEMA_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** A metadata schema to register is not a usable JSON Schema, or its slug is malformed. */
	METADATA_SCHEMA_INVALID(ErrorKind.BAD_REQUEST),
	/** A metadata schema with the slug exists already, with another schema. */
	METADATA_SCHEMA_EXISTS(ErrorKind.CONFLICT),
	/** A package's metadata is not an object, or does not satisfy its metadata schema; the message lists every error. */
	METADATA_INVALID(ErrorKind.BAD_REQUEST),
	/** A manifest was asked for in a format other than {@code cbor} or {@code json}. */
	MANIFEST_FORMAT_UNSUPPORTED(ErrorKind.BAD_REQUEST),
	/** The package has no manifest: it is not finalized (or was purged without keeping it). */
	MANIFEST_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** No storage backend has the given id. */
	STORAGE_BACKEND_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** A byte range lies outside the file. */
	RANGE_NOT_SATISFIABLE(ErrorKind.BAD_REQUEST),
	/** The blob store failed to write or read bytes; the request may be retried. */
	STORAGE_UNAVAILABLE(ErrorKind.INTERNAL);

	private final ErrorKind kind;

	RegistryErrorCode(ErrorKind kind) {
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
