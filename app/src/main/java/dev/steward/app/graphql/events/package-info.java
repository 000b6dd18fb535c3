/** Every context's event log over GraphQL: heads, chain verification and the stored payload bytes. */
@NullMarked
package dev.steward.app.graphql.events;

import org.jspecify.annotations.NullMarked;
