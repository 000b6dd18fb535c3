/** The policy context over GraphQL: worlds, variants, validation, activation, publishing, runtime resolution and the policy event log. */
@NullMarked
package dev.steward.app.graphql.policy;

import org.jspecify.annotations.NullMarked;
