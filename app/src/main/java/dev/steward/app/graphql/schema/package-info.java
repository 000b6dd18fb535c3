/** The assembled GraphQL schema and the check that every field of it is mapped to code. */
@NullMarked
package dev.steward.app.graphql.schema;

import org.jspecify.annotations.NullMarked;
