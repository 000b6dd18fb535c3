package dev.steward.app.security;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Puts the authenticated principal into the context of every GraphQL operation. Over HTTP the security filter
 * has authenticated the bearer token already; over WebSocket the token comes in the graphql-ws
 * {@code connection_init} payload ({@code {"Authorization": "Bearer <token>"}} or {@code {"token": "<token>"}}),
 * a connection without a valid one is closed with 4401, and the token is checked again for every operation the
 * connection starts. When a token is revoked, its running subscriptions end: see the graphql server's revocation
 * bell.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlAuthentication implements WebSocketGraphQlInterceptor {

	private static final String SESSION_TOKEN = BearerTokens.SESSION_ATTRIBUTE;

	private final BearerTokens tokens;

	GraphQlAuthentication(BearerTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
		Optional<String> token = BearerTokens.inConnectionInit(payload);
		if (token.flatMap(tokens::authenticate).isEmpty()) {
			return Mono.error(new UnauthenticatedError("connection_init must carry a valid bearer token"));
		}
		info.getAttributes().put(SESSION_TOKEN, token.get());
		return Mono.empty();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
		if (request instanceof WebSocketGraphQlRequest webSocket) {
			return interceptWebSocket(webSocket, chain);
		}
		StewardPrincipal principal = fromSecurityContext();
		if (principal != null) {
			putInContext(request, principal);
		}
		return chain.next(request);
	}

	/**
	 * Over WebSocket the security filter saw only the upgrade, so the operation runs with the security context of
	 * the connection's token instead: Spring for GraphQL restores it around every data fetcher, where method security
	 * reads it. The token is checked again for every operation, against its row rather than a remembered token, so
	 * that a revoked token starts nothing new even on an instance the revocation's bell has not reached yet.
	 */
	private Mono<WebGraphQlResponse> interceptWebSocket(WebSocketGraphQlRequest request,
			WebGraphQlInterceptor.Chain chain) {
		SecurityContext security = SecurityContextHolder.createEmptyContext();
		if (request.getSessionInfo().getAttributes().get(SESSION_TOKEN) instanceof String token) {
			tokens.authenticateNow(token).ifPresent(principal -> {
				putInContext(request, principal);
				security.setAuthentication(SecurityConfiguration.authentication(principal, token));
			});
		}
		// the key under which context propagation's security accessor carries the SecurityContext
		return chain.next(request).contextWrite(Context.of(SecurityContext.class.getName(), security));
	}

	private static void putInContext(WebGraphQlRequest request, StewardPrincipal principal) {
		request.configureExecutionInput((input, builder) -> builder
			.graphQLContext(context -> context.put(StewardPrincipal.CONTEXT_KEY, principal))
			.build());
	}

	private static @Nullable StewardPrincipal fromSecurityContext() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof OAuth2AuthenticatedPrincipal oauth
				&& oauth.getAttribute(SecurityConfiguration.PRINCIPAL_ATTRIBUTE) instanceof StewardPrincipal principal) {
			return principal;
		}
		return null;
	}
}
