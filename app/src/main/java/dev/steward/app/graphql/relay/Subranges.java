package dev.steward.app.graphql.relay;

import dev.steward.kernel.CodedException;
import dev.steward.kernel.KernelErrorCode;
import dev.steward.kernel.Keyset;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.graphql.data.query.ScrollSubrange;

/** What a connection's {@code first} and {@code after} ask for, as a context's list reads it. */
public final class Subranges {

	private Subranges() {}

	/** The sort keys of the item to start after, or null to start at the beginning. */
	public static @Nullable Map<String, ?> after(ScrollSubrange subrange) {
		if (!subrange.forward()) {
			throw new CodedException(KernelErrorCode.INVALID_ARGUMENT, "Lists are paged forward only, with first and after");
		}
		return subrange.position().map(position -> {
			if (position instanceof KeysetScrollPosition keyset && !keyset.getKeys().isEmpty()) {
				return keyset.getKeys();
			}
			throw Keyset.notACursor();
		}).orElse(null);
	}

	/** How many items to read: {@code first}, or {@code otherwise} when it was not given. */
	public static int size(ScrollSubrange subrange, int otherwise) {
		return subrange.count().orElse(otherwise);
	}
}
