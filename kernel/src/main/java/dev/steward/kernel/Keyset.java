package dev.steward.kernel;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A position in a keyset-paged list, read back from a cursor: the sort keys of the item the next page starts
 * after. A key that is missing or of the wrong kind means the cursor is not one of this list, which is
 * {@code INVALID_ARGUMENT}.
 */
public final class Keyset {

	private final Map<String, ?> keys;

	private Keyset(Map<String, ?> keys) {
		this.keys = keys;
	}

	/** The position, or null for the start of the list. */
	public static @Nullable Keyset of(@Nullable Map<String, ?> keys) {
		return keys == null ? null : new Keyset(keys);
	}

	public String text(String name) {
		if (keys.get(name) instanceof String text) {
			return text;
		}
		throw notACursor();
	}

	public long number(String name) {
		if (keys.get(name) instanceof Number number && number.longValue() == number.doubleValue()) {
			return number.longValue();
		}
		throw notACursor();
	}

	/** A whole number that fits an {@code int}, as a column of that width holds it. */
	public int integer(String name) {
		long value = number(name);
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw notACursor();
		}
		return (int) value;
	}

	public static CodedException notACursor() {
		return new CodedException(KernelErrorCode.INVALID_ARGUMENT, "after is not a cursor of this list");
	}
}
