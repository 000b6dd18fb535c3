/** The GraphiQL page Steward serves itself, so that it works without internet access. */
@NullMarked
package dev.steward.app.graphiql;

import org.jspecify.annotations.NullMarked;
