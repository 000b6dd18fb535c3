/** The custom scalars that the GraphQL schema declares: {@code DateTime}, {@code JSON}, {@code UUID} and {@code Long}. */
@NullMarked
package dev.steward.app.graphql.scalars;

import org.jspecify.annotations.NullMarked;
