package dev.steward.app.persistence;

/**
 * The embedded PostgreSQL's data directory is held by a live process that Steward may not stop: another running
 * Steward, or a process that is no PostgreSQL server of that directory. The message says which and what to do.
 */
class DataDirectoryInUseException extends IllegalStateException {

	private final String action;

	DataDirectoryInUseException(String message, String action) {
		super(message);
		this.action = action;
	}

	/** What the user can do about it. */
	String action() {
		return action;
	}
}
