/**
 * Every context's event log over GraphQL: heads, chain verification and the stored payload bytes, and the logs as
 * one list of tails with their subscriptions and recent activity, so that a tail reader needs no list of contexts.
 */
@NullMarked
package dev.steward.app.graphql.events;

import org.jspecify.annotations.NullMarked;
