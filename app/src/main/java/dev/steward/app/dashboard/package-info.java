/** The live dashboard at {@code /dashboard}: a static page, served by Steward, that works with no internet access. */
@NullMarked
package dev.steward.app.dashboard;

import org.jspecify.annotations.NullMarked;
