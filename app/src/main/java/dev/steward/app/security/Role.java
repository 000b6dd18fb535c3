package dev.steward.app.security;

import java.util.Locale;

/** The roles, each including the ones before it. */
public enum Role {

	/** Reads and subscribes. */
	VIEWER,
	/** Writes policies, rules and packages. */
	AUTHOR,
	/** Activates, publishes, sets rule state, holds and extends. */
	OPERATOR,
	/** Manages tokens, retention classes, sweeps and purges. */
	ADMIN;

	public boolean includes(Role other) {
		return ordinal() >= other.ordinal();
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Role of(String code) {
		try {
			return valueOf(code.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown role '" + code + "': one of viewer, author, operator, admin");
		}
	}
}
