/** How failures reach GraphQL clients: a stable extensions.code, a classification, and no internals. */
@NullMarked
package dev.steward.app.graphql.errors;

import org.jspecify.annotations.NullMarked;
