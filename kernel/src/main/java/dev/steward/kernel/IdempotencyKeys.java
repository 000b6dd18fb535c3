package dev.steward.kernel;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rule every idempotency key keeps: 1 to {@value #MAX_LENGTH} visible ASCII characters (a UUID fits). The
 * key is stored with the event its request appended, unique within the context's log.
 */
public final class IdempotencyKeys {

	public static final int MAX_LENGTH = 200;

	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + MAX_LENGTH + "}");

	private IdempotencyKeys() {}

	/** The key, or null for none; {@code INVALID_ARGUMENT} if it breaks the rule. */
	public static @Nullable String check(@Nullable String key) {
		if (key != null && !KEY.matcher(key).matches()) {
			throw new CodedException(KernelErrorCode.INVALID_ARGUMENT, "idempotencyKey must be 1 to " + MAX_LENGTH
					+ " visible ASCII characters");
		}
		return key;
	}
}
