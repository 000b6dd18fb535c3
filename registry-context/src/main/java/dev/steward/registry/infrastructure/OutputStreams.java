package dev.steward.registry.infrastructure;

import java.io.OutputStream;

/** Output streams the stores need. */
final class OutputStreams {

	/** Discards everything. */
	static final OutputStream NULL = OutputStream.nullOutputStream();

	private OutputStreams() {}
}
