/**
 * Retention: classes, extend-only expiry, holds, eligibility sweeps and deletion for any governed subject.
 * <p>
 * This package is the context's published face; its sub-packages are internal.
 */
@BoundedContext(id = "retention", name = "Retention")
@NullMarked
package dev.steward.retention;

import org.jmolecules.ddd.annotation.BoundedContext;
import org.jspecify.annotations.NullMarked;
