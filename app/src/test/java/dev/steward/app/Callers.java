package dev.steward.app;

import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.Role;
import java.util.UUID;

/** Fresh API tokens of the viewer, author and operator roles, as a test's callers. */
public record Callers(String viewer, String author, String operator) {

	public static Callers issuedBy(ApiTokens tokens) {
		return new Callers(issue(tokens, Role.VIEWER), issue(tokens, Role.AUTHOR), issue(tokens, Role.OPERATOR));
	}

	private static String issue(ApiTokens tokens, Role role) {
		return tokens.issue(role.code() + "-" + UUID.randomUUID(), role, "test").secret();
	}
}
