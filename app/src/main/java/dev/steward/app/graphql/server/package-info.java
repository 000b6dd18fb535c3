/**
 * How Steward serves GraphQL: the limits every request must keep (document size, depth, cost, aliases, time), the
 * introspection switch and GraphQL queries over HTTP GET.
 */
@NullMarked
package dev.steward.app.graphql.server;

import org.jspecify.annotations.NullMarked;
