package dev.steward.app.security;

import graphql.GraphQLContext;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

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

	/**
	 * The principal of the plain HTTP request being served, if its role includes {@code needed}.
	 * @throws UnauthenticatedError when the security filter authenticated no bearer token
	 * @throws AccessDeniedError when the role falls short
	 */
	public static StewardPrincipal requireForRequest(Role needed) {
		return ofRequest().orElseThrow(() -> new UnauthenticatedError("This needs a bearer token")).require(needed);
	}

	private static Optional<StewardPrincipal> ofRequest() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal oauth
				&& oauth.getAttribute(SecurityConfiguration.PRINCIPAL_ATTRIBUTE) instanceof StewardPrincipal principal) {
			return Optional.of(principal);
		}
		return Optional.empty();
	}
}
