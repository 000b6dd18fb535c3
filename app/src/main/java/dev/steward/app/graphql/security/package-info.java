/** API tokens and the caller's identity over GraphQL. */
@NullMarked
package dev.steward.app.graphql.security;

import org.jspecify.annotations.NullMarked;
