package dev.steward.app.graphql.relay;

import dev.steward.app.graphql.errors.InvalidArgumentError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Opaque cursors: a connection's kind and the key of an item, base64url-encoded. */
public final class Cursors {

	/** The most items one page may hold. */
	public static final int MAX_FIRST = 100;

	private Cursors() {}

	public static String encode(String kind, String key) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
	}

	/** The key in a cursor of the given kind, or null for no cursor. */
	public static @Nullable String decode(String kind, @Nullable String cursor) {
		if (cursor == null) {
			return null;
		}
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(kind + ":")) {
				return decoded.substring(kind.length() + 1);
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the error below
		}
		throw new InvalidArgumentError("after is not a cursor of this list");
	}

	/** The number in a cursor of the given kind whose key is a number (a sequence, a run id), or null for none. */
	public static @Nullable Long decodeNumber(String kind, @Nullable String cursor) {
		String key = decode(kind, cursor);
		if (key == null) {
			return null;
		}
		try {
			return Long.parseLong(key);
		}
		catch (NumberFormatException ex) {
			throw new InvalidArgumentError("after is not a cursor of this list");
		}
	}

	/** {@code first}, checked to lie in 0..{@value #MAX_FIRST}. */
	public static int first(int first) {
		if (first < 0 || first > MAX_FIRST) {
			throw new InvalidArgumentError("first must be between 0 and " + MAX_FIRST + ", was " + first);
		}
		return first;
	}
}
