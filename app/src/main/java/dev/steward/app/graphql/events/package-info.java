/** Every context's event log as one list, so that a tail reader finds the logs without knowing the contexts. */
@NullMarked
package dev.steward.app.graphql.events;

import org.jspecify.annotations.NullMarked;
