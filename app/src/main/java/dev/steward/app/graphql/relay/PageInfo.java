package dev.steward.app.graphql.relay;

import org.jspecify.annotations.Nullable;

/** Where a page of a connection starts and ends. */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, @Nullable String startCursor,
		@Nullable String endCursor) {
}
