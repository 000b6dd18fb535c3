/** The one PostgreSQL database every context keeps its schema in, embedded when none is configured. */
@NullMarked
package dev.steward.app.persistence;

import org.jspecify.annotations.NullMarked;
