/** The registry context over GraphQL: packages, files, metadata schemas and the registry event log. */
@NullMarked
package dev.steward.app.graphql.registry;

import org.jspecify.annotations.NullMarked;
