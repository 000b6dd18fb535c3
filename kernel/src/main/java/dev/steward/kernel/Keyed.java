package dev.steward.kernel;

import java.util.Map;

/**
 * An item of a keyset-paged list: its values of the list's sort keys, which a cursor carries and {@link Keyset}
 * reads back, so that the next page starts right after it.
 */
public interface Keyed {

	/** The item's sort keys, by name; strings and whole numbers (as {@code Long}) only. */
	Map<String, Object> keyset();
}
