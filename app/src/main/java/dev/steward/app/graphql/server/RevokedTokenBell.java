package dev.steward.app.graphql.server;

import dev.steward.app.events.DoorbellSignal;
import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.BearerTokens;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;
import org.springframework.transaction.event.TransactionalEventListener;
import reactor.core.scheduler.Schedulers;

/**
 * Hears a token revocation rung on the events channel by any instance ({@code token_revoked:<id>}): forgets the
 * token if this instance remembered it (see {@link ApiTokens}), so that its next request is refused, and closes this
 * instance's graphql-ws connections whose token no longer authenticates, with 4401: their subscriptions end at
 * once, everywhere.
 */
class RevokedTokenBell implements DoorbellSignal {

	private static final Logger LOG = LoggerFactory.getLogger(RevokedTokenBell.class);

	private final WebSocketConnections connections;

	private final BearerTokens tokens;

	private final Scheduler checks = Schedulers.boundedElastic();

	private final ApiTokens apiTokens;

	RevokedTokenBell(WebSocketConnections connections, BearerTokens tokens, ApiTokens apiTokens) {
		this.connections = connections;
		this.tokens = tokens;
		this.apiTokens = apiTokens;
	}

	@Override
	public String topic() {
		return BearerTokens.REVOKED_TOPIC;
	}

	@Override
	public void listening(boolean listening) {
		apiTokens.revocationsHeard(listening);
	}

	@Override
	public void rang(String argument) {
		try {
			apiTokens.forget(UUID.fromString(argument));
		}
		catch (IllegalArgumentException ex) {
			// not an id: forget every remembered token rather than guess
			apiTokens.revocationsHeard(false);
			apiTokens.revocationsHeard(true);
		}
		checks.schedule(() -> closeRevoked(argument));
	}

	/**
	 * A revocation on this instance closes its connections as soon as it commits, before the revoking request is
	 * answered, rather than when the doorbell comes round. The token is forgotten first, so that the check below
	 * reads its row.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ApiTokens.TokenRevoked revoked) {
		apiTokens.forget(revoked.id());
		closeRevoked(revoked.id().toString());
	}

	private void closeRevoked(String tokenId) {
		int closed = connections.closeWhere(attributes -> attributes
			.get(BearerTokens.SESSION_ATTRIBUTE) instanceof String token && tokens.authenticateNow(token).isEmpty(),
				CloseCodes.TOKEN_REVOKED);
		if (closed > 0) {
			LOG.info("Token {} revoked: closed {} WebSocket connection(s) that used it", tokenId, closed);
		}
	}
}
