package dev.steward.policy;

import org.jspecify.annotations.Nullable;

/**
 * One difference between two variants: at {@code path} (an RFC 6901 JSON pointer into the variant, e.g.
 * {@code /content/references/0/variant}) a value was added, removed or replaced.
 */
public record PolicyChange(Op op, String path, @Nullable Object from, @Nullable Object to) {

	/** What happened at the path. */
	public enum Op {
		ADD, REMOVE, REPLACE
	}
}
