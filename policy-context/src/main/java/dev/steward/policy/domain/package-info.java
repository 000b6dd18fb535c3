/** The policy context's aggregates, value objects, domain events and repository ports. */
@DomainRing
@NullMarked
package dev.steward.policy.domain;

import org.jmolecules.architecture.onion.simplified.DomainRing;
import org.jspecify.annotations.NullMarked;
