/**
 * Policies: versioned variants, validation history, activation per world and client profile with an append-only activation log and rollback, and publish runs with hashed manifests.
 * <p>
 * This package is the context's published face; its sub-packages are internal.
 */
@BoundedContext(id = "policy", name = "Policy")
@NullMarked
package dev.steward.policy;

import org.jmolecules.ddd.annotation.BoundedContext;
import org.jspecify.annotations.NullMarked;
