package dev.steward.retention;

import java.util.Locale;

/** Whether an expiry may ever be shortened, as in S3 Object Lock. Both modes allow extending. */
public enum RetentionMode {

	/** An admin may shorten the expiry, giving a reason; the change is audited. */
	GOVERNANCE,
	/** Nobody can ever shorten the expiry. */
	COMPLIANCE;

	/** The mode as the log and the views spell it. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static RetentionMode of(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}
}
