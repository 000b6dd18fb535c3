package dev.steward.rules;

/** A rule's operational state. */
public enum RuleStateKind {

	/** The rule is evaluated and emits its confidences (the default). */
	ENABLED,
	/** The rule is skipped. */
	DISABLED,
	/** The rule is evaluated, and the confidences it emits are capped by a ceiling. */
	CLIPPED;

	public String value() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public static RuleStateKind of(String value) {
		return valueOf(value.toUpperCase(java.util.Locale.ROOT));
	}
}
