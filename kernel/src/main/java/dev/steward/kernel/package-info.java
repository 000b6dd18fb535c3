/**
 * The shared kernel: what every context's event log needs and nothing of any domain. The log and its one
 * migration, canonical CBOR, digests, the error contract that every context's errors follow, and keyset pages.
 * It depends on no context, and every context may depend on it.
 */
@NullMarked
package dev.steward.kernel;

import org.jspecify.annotations.NullMarked;
