package dev.steward.app.security;

import graphql.GraphQLContext;

/** The principal of the operation being executed. */
public final class CurrentPrincipal {

	private CurrentPrincipal() {}

	/** @throws UnauthenticatedError when the operation carries no principal */
	public static StewardPrincipal of(GraphQLContext context) {
		StewardPrincipal principal = context.get(StewardPrincipal.CONTEXT_KEY);
		if (principal == null) {
			throw new UnauthenticatedError("This needs a bearer token");
		}
		return principal;
	}

	/** The principal, if its role includes {@code needed}. */
	public static StewardPrincipal require(GraphQLContext context, Role needed) {
		return of(context).require(needed);
	}
}
