package dev.steward.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a policy variant stands in its life; clients see and send the lower-case {@link #code()}. */
public enum PolicyStatus {

	DRAFT, CANDIDATE, ACTIVE, ARCHIVED;

	private static final String ALLOWED = "status must be one of: "
			+ Arrays.stream(values()).map(PolicyStatus::code).collect(Collectors.joining(", "));

	/** The lower-case code, e.g. {@code candidate}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status with exactly this lower-case code, if there is one; case and whitespace are not forgiven. */
	public static Optional<PolicyStatus> fromCode(String code) {
		return Arrays.stream(values()).filter(status -> status.code().equals(code)).findFirst();
	}

	/**
	 * The status with exactly this lower-case code.
	 *
	 * @throws PolicyException with {@link PolicyErrorCode#POLICY_VALIDATION_ERROR} when the code is not one of
	 * {@code draft}, {@code candidate}, {@code active}, {@code archived}
	 */
	public static PolicyStatus parse(String code) {
		return fromCode(code)
			.orElseThrow(() -> new PolicyException(PolicyErrorCode.POLICY_VALIDATION_ERROR, allowedCodesMessage()));
	}

	/** The message for a status outside the allowed set: {@code status must be one of: draft, ...}. */
	public static String allowedCodesMessage() {
		return ALLOWED;
	}
}
