/**
 * The artifact registry: packages of files in content-addressed storage, finalized into canonical-CBOR manifests, with an ordered event log as the source of truth.
 * <p>
 * This package is the context's published face; its sub-packages are internal.
 */
@BoundedContext(id = "registry", name = "Registry")
@NullMarked
package dev.steward.registry;

import org.jmolecules.ddd.annotation.BoundedContext;
import org.jspecify.annotations.NullMarked;
