package dev.steward.app.security;

/**
 * The authenticated caller of an operation: its name is the actor recorded on every event it causes.
 */
public record StewardPrincipal(String name, Role role) {

	/** The key under which the principal sits in the GraphQL context. */
	public static final String CONTEXT_KEY = "stewardPrincipal";
}
