/** The rules context's use cases: one transaction each. */
@ApplicationRing
@NullMarked
package dev.steward.rules.application;

import org.jmolecules.architecture.onion.simplified.ApplicationRing;
import org.jspecify.annotations.NullMarked;
