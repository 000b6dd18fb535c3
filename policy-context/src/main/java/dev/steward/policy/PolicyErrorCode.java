package dev.steward.policy;

import dev.steward.kernel.ErrorCode;
import dev.steward.kernel.ErrorKind;

/** The policy context's error codes, and what kind of failure each is. */
public enum PolicyErrorCode implements ErrorCode {

	/** The input breaks a rule of the world's shape (blank name, bad id, config not an object). */
	POLICY_WORLD_INVALID(ErrorKind.BAD_REQUEST),
	/** No world has the given id. */
	POLICY_WORLD_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** A world with the given id exists already. */
	POLICY_WORLD_EXISTS(ErrorKind.CONFLICT),
	/** The expected version is not the current one: someone else changed it first. */
	CONFLICT(ErrorKind.CONFLICT),
	/** A policy id is not of the form {@code type:namespace:key} with three non-empty parts. */
	POLICY_ID_INVALID(ErrorKind.BAD_REQUEST),
	/** A policy id names a type that is neither built in nor registered. */
	POLICY_TYPE_UNSUPPORTED(ErrorKind.BAD_REQUEST),
	/** A variant's content is larger, as canonical CBOR, than the configured limit (1 MiB unless configured). */
	VARIANT_TOO_LARGE(ErrorKind.BAD_REQUEST),
	/** A policy variant breaks one or more validation rules; the message lists them all. */
	POLICY_VALIDATION_ERROR(ErrorKind.BAD_REQUEST),
	/** A policy type to register is badly defined (its name, for example). */
	POLICY_TYPE_INVALID(ErrorKind.BAD_REQUEST),
	/** A policy type with the given name exists already, built in or registered. */
	POLICY_TYPE_EXISTS(ErrorKind.CONFLICT),
	/** An activation scope is malformed: its world id is blank. (Surrounding whitespace is stripped.) */
	POLICY_SCOPE_INVALID(ErrorKind.BAD_REQUEST),
	/** The variant to activate, or to read, does not exist. */
	POLICY_VARIANT_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** The activation event a rollback refers to does not exist. */
	POLICY_ROLLBACK_EVENT_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** The activation event a rollback refers to is of another policy. */
	POLICY_ROLLBACK_POLICY_MISMATCH(ErrorKind.CONFLICT),
	/** The activation event a rollback refers to is of another scope. */
	POLICY_ROLLBACK_SCOPE_MISMATCH(ErrorKind.CONFLICT),
	/** Replaying the scope's events would not give the pointer just written; nothing was written. */
	POLICY_ACTIVATION_REPLAY_MISMATCH(ErrorKind.INTERNAL),
	/** No publish run has the given id. */
	POLICY_PUBLISH_RUN_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** An effective activation of the scope to publish points at a variant that does not exist. */
	POLICY_PUBLISH_REFERENCE_MISSING(ErrorKind.CONFLICT),
	/** A hash an artifact carries is not the one its content gives; nothing was imported. */
	POLICY_IMPORT_ARTIFACT_HASH_MISMATCH(ErrorKind.CONFLICT),
	/** An artifact to import is not shaped like one (not an object, no world id, variants not a list of objects). */
	POLICY_IMPORT_ARTIFACT_INVALID(ErrorKind.BAD_REQUEST),
	/** A prompt selector is not the id of a {@code prompt} policy. */
	POLICY_PROMPT_SELECTOR_INVALID(ErrorKind.BAD_REQUEST),
	/** The scope activates no prompt, or none that the selector names. */
	POLICY_EFFECTIVE_PROMPT_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** The scope activates several prompts and no selector says which one. */
	POLICY_EFFECTIVE_PROMPT_AMBIGUOUS(ErrorKind.CONFLICT),
	/** The effective prompt's text is missing or empty. */
	POLICY_EFFECTIVE_PROMPT_INVALID(ErrorKind.BAD_REQUEST),
	/** An effective activation being resolved points at a variant that does not exist. */
	POLICY_EFFECTIVE_REFERENCE_MISSING(ErrorKind.CONFLICT),
	/** The scope activates no manifest for its world ({@code manifest_bundle:world.manifests:<world_id>}). */
	POLICY_EFFECTIVE_MANIFEST_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** The effective manifest is not shaped as runtime resolution reads it. */
	POLICY_EFFECTIVE_MANIFEST_INVALID(ErrorKind.CONFLICT),
	/** The scope activates no variant of the axis bundle its manifest names. */
	POLICY_EFFECTIVE_AXIS_BUNDLE_NOT_FOUND(ErrorKind.NOT_FOUND),
	/** The scope activates another variant of the axis bundle than {@code v<version>} its manifest names. */
	POLICY_EFFECTIVE_AXIS_BUNDLE_VERSION_MISMATCH(ErrorKind.CONFLICT),
	/** The effective axis bundle's axes, thresholds or resolution is not an object. */
	POLICY_EFFECTIVE_AXIS_BUNDLE_INVALID(ErrorKind.CONFLICT);

	private final ErrorKind kind;

	PolicyErrorCode(ErrorKind kind) {
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
