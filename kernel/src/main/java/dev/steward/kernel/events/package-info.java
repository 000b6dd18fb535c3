/**
 * Each context's append-only event log: gapless sequences visible in order, canonical CBOR payloads checked
 * against their digests, a hash chain that a verification walks, and the one migration that makes the table in
 * every context's schema.
 */
@NullMarked
package dev.steward.kernel.events;

import org.jspecify.annotations.NullMarked;
