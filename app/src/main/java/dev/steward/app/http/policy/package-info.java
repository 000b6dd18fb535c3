/** The policy context over plain HTTP, beside GraphQL: the download of publish runs' export artifacts. */
@NullMarked
package dev.steward.app.http.policy;

import org.jspecify.annotations.NullMarked;
