package dev.steward.app.security;

import graphql.GraphQLContext;

/**
 * The principal of the operation being executed: the actor recorded on the events it causes. Whether the
 * principal may run the operation at all is declared on the operation ({@link RequiresRole}), not checked here.
 */
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

	/**
	 * The principal of the plain HTTP request being handled on this thread.
	 * @throws UnauthenticatedError when the request carries none
	 */
	public static StewardPrincipal ofHttpRequest() {
		org.springframework.security.core.Authentication authentication = org.springframework.security.core.context.SecurityContextHolder
			.getContext()
			.getAuthentication();
		if (authentication != null
				&& authentication.getPrincipal() instanceof org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal oauth
				&& oauth.getAttribute(SecurityConfiguration.PRINCIPAL_ATTRIBUTE) instanceof StewardPrincipal principal) {
			return principal;
		}
		throw new UnauthenticatedError("This needs a bearer token");
	}
}
