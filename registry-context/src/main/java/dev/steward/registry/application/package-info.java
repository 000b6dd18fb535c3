/** The registry context's use cases: one transaction each. */
@ApplicationRing
@NullMarked
package dev.steward.registry.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
import org.jspecify.annotations.NullMarked;
