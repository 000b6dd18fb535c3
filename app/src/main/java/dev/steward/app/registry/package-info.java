/** How the app wires the registry context to what it needs from others: retention's summary of a package. */
@NullMarked
package dev.steward.app.registry;

import org.jspecify.annotations.NullMarked;
