/** The application that assembles the four contexts: GraphQL, HTTP, security, event fan-out and wiring. */
@NullMarked
package dev.steward.app;

import org.jspecify.annotations.NullMarked;
