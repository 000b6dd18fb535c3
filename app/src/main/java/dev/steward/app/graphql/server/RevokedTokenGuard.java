package dev.steward.app.graphql.server;

import dev.steward.app.security.BearerTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import reactor.core.publisher.Mono;

/**
 * An operation started on a graphql-ws connection whose token no longer authenticates (revoked since the
 * connection opened) closes the connection with 4401 and runs nothing, as the revocation bell would a moment
 * later: the outcome no longer depends on which of the two comes first.
 */
class RevokedTokenGuard implements WebGraphQlInterceptor {

	private static final Logger LOG = LoggerFactory.getLogger(RevokedTokenGuard.class);

	private final BearerTokens tokens;

	private final WebSocketConnections connections;

	RevokedTokenGuard(BearerTokens tokens, WebSocketConnections connections) {
		this.tokens = tokens;
		this.connections = connections;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest webSocket
				&& webSocket.getSessionInfo().getAttributes().get(BearerTokens.SESSION_ATTRIBUTE) instanceof String token
				&& tokens.authenticate(token).isEmpty()) {
			String connection = webSocket.getSessionInfo().getId();
			LOG.debug("Closing WebSocket session {} with 4401: its token no longer authenticates", connection);
			connections.close(connection, CloseCodes.TOKEN_REVOKED);
			return Mono.empty();
		}
		return chain.next(request);
	}
}
