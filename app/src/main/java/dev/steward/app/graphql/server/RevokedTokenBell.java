package dev.steward.app.graphql.server;

import dev.steward.app.security.ApiTokens;
import org.springframework.transaction.event.TransactionalEventListener;
import dev.steward.app.events.DoorbellSignal;
import dev.steward.app.security.BearerTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Hears a token revocation rung on the events channel by any instance ({@code token_revoked:<id>}) and closes this
 * instance's graphql-ws connections whose token no longer authenticates, with 4401: their subscriptions end at
 * once, everywhere.
 */
class RevokedTokenBell implements DoorbellSignal {

	private static final Logger LOG = LoggerFactory.getLogger(RevokedTokenBell.class);

	private final WebSocketConnections connections;

	private final BearerTokens tokens;

	private final Scheduler checks = Schedulers.boundedElastic();

	RevokedTokenBell(WebSocketConnections connections, BearerTokens tokens) {
		this.connections = connections;
		this.tokens = tokens;
	}

	@Override
	public String topic() {
		return BearerTokens.REVOKED_TOPIC;
	}

	@Override
	public void rang(String argument) {
		checks.schedule(() -> closeRevoked(argument));
	}

	/**
	 * A revocation on this instance closes its connections as soon as it commits, before the revoking request is
	 * answered, rather than when the doorbell comes round.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(ApiTokens.TokenRevoked revoked) {
		closeRevoked(revoked.id().toString());
	}

	private void closeRevoked(String tokenId) {
		int closed = connections.closeWhere(attributes -> attributes
			.get(BearerTokens.SESSION_ATTRIBUTE) instanceof String token && tokens.authenticate(token).isEmpty(),
				CloseCodes.TOKEN_REVOKED);
		if (closed > 0) {
			LOG.info("Token {} revoked: closed {} WebSocket connection(s) that used it", tokenId, closed);
		}
	}
}
