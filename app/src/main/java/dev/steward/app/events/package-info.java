/**
 * Event tails: one LISTEN connection per instance hears each context's doorbell, reads what is new once per
 * context, and fans it out to subscribers, who get a replay from their cursor first and then the live events,
 * with no gap and no duplicate at the seam. A {@link dev.steward.app.events.SharedStream} lets many subscribers share
 * one stream, each with a bounded buffer of its own.
 */
@NullMarked
package dev.steward.app.events;

import org.jspecify.annotations.NullMarked;
