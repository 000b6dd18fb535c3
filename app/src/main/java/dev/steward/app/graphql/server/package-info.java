/**
 * How Steward serves GraphQL: the limits every request must keep (document size, depth, cost, aliases, time), the
 * introspection switch, GraphQL queries over HTTP GET, graphql-ws held to its protocol, and identical subscriptions
 * executed once per event for all their subscribers.
 */
@NullMarked
package dev.steward.app.graphql.server;

import org.jspecify.annotations.NullMarked;
