/** Relay connections: page info and opaque cursors shared by every context's lists. */
@NullMarked
package dev.steward.app.graphql.relay;

import org.jspecify.annotations.NullMarked;
