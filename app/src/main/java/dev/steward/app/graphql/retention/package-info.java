/** The retention context over GraphQL: classes, subjects' retention, holds, sweeps, purges and the retention log. */
@NullMarked
package dev.steward.app.graphql.retention;

import org.jspecify.annotations.NullMarked;
