/**
 * Detection rules: YAML rules, their self-expiring operational state, the watched-directory and database stores, and the change stream a fleet hot-reloads from.
 * <p>
 * This package is the context's published face; its sub-packages are internal.
 */
@BoundedContext(id = "rules", name = "Rules")
@NullMarked
package dev.steward.rules;

import org.jmolecules.ddd.annotation.BoundedContext;
import org.jspecify.annotations.NullMarked;
