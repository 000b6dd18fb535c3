/** The retention context's use cases: one transaction each. */
@ApplicationRing
@NullMarked
package dev.steward.retention.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
import org.jspecify.annotations.NullMarked;
