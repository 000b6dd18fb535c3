/** A fresh PostgreSQL database for the tests of every module. */
@NullMarked
package dev.steward.testing;

import org.jspecify.annotations.NullMarked;
