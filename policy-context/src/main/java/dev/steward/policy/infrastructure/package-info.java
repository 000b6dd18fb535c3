/** The policy context's persistence and wiring: Spring Data JDBC, SQL, its schema's migrations. */
@InfrastructureRing
@NullMarked
package dev.steward.policy.infrastructure;

import org.jmolecules.architecture.onion.simplified.InfrastructureRing;
import org.jspecify.annotations.NullMarked;
