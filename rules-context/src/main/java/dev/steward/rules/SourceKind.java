package dev.steward.rules;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of event a rule can apply to, and the payload field a pattern matches when the rule names none.
 */
public enum SourceKind {

	COMMAND("command", "command_text"),
	HTTP_REQUEST("http_request", "raw_url"),
	EMAIL("email", "subject"),
	INTEL("intel", "verdict"),
	CANARY_FINGERPRINT("canary_fingerprint", "ua_signature"),
	AUTH_ATTEMPT("auth_attempt", "username"),
	PAYLOAD("payload", "payload_text"),
	SESSION("session", null),
	IDENTITY("identity", null),
	CREDENTIAL("credential", null);

	private final String value;

	private final @Nullable String defaultField;

	SourceKind(String value, @Nullable String defaultField) {
		this.value = value;
		this.defaultField = defaultField;
	}

	/** The name as rules and events spell it, e.g. {@code http_request}. */
	public String value() {
		return value;
	}

	/** The field a pattern matches when the rule names none; null for kinds that only external workers evaluate. */
	public @Nullable String defaultField() {
		return defaultField;
	}

	public static Optional<SourceKind> of(String value) {
		return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
	}
}
