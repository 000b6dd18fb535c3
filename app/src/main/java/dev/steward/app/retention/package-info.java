/**
 * Where retention meets the contexts whose subjects it governs: a subject's default retention starts in the
 * transaction that creates it, and each subject kind's deletion handler. Only the application knows both sides.
 */
@NullMarked
package dev.steward.app.retention;

import org.jspecify.annotations.NullMarked;
