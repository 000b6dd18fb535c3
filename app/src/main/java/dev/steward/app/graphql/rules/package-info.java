/** The rules context over GraphQL: rules, their state, evaluation and the change stream rule workers reload from. */
@NullMarked
package dev.steward.app.graphql.rules;

import org.jspecify.annotations.NullMarked;
