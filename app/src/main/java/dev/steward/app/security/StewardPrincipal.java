package dev.steward.app.security;

/**
 * The authenticated caller of an operation: its name is the actor recorded on every event it causes.
 */
public record StewardPrincipal(String name, Role role) {

	/** The key under which the principal sits in the GraphQL context. */
	public static final String CONTEXT_KEY = "stewardPrincipal";

	/** @throws AccessDeniedError unless this principal's role includes {@code needed} */
	public StewardPrincipal require(Role needed) {
		if (!role.includes(needed)) {
			throw new AccessDeniedError(
					"This needs the " + needed.code() + " role; " + name + " has " + role.code());
		}
		return this;
	}
}
