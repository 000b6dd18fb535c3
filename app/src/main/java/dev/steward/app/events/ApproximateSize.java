package dev.steward.app.events;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** About how many bytes a decoded JSON-like value takes in memory: enough to bound a buffer, not an exact count. */
final class ApproximateSize {

	private ApproximateSize() {
	}

	static long of(@Nullable Object value) {
		return switch (value) {
			case null -> 8;
			case CharSequence text -> 40 + 2L * text.length();
			case byte[] bytes -> 16 + bytes.length;
			case Map<?, ?> map -> {
				long size = 48;
				for (Map.Entry<?, ?> entry : map.entrySet()) {
					size += 32 + of(entry.getKey()) + of(entry.getValue());
				}
				yield size;
			}
			case Collection<?> items -> {
				long size = 40;
				for (Object item : items) {
					size += 8 + of(item);
				}
				yield size;
			}
			default -> 24;
		};
	}
}
