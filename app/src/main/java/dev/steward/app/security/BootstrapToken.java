package dev.steward.app.security;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the embedded default only, and only while no token exists at all, issues an admin token and prints it
 * once, so that a new user can make a first request. With {@code STEWARD_BOOTSTRAP_TOKEN} set nothing is issued.
 */
@Component
class BootstrapToken {

	private static final Logger LOG = LoggerFactory.getLogger(BootstrapToken.class);

	private final ApiTokens apiTokens;

	private final BearerTokens bearerTokens;

	private final ObjectProvider<EmbeddedPostgres> embedded;

	BootstrapToken(ApiTokens apiTokens, BearerTokens bearerTokens, ObjectProvider<EmbeddedPostgres> embedded) {
		this.apiTokens = apiTokens;
		this.bearerTokens = bearerTokens;
		this.embedded = embedded;
	}

	@EventListener(ApplicationReadyEvent.class)
	void issueOnFirstEmbeddedStart() {
		if (bearerTokens.bootstrapConfigured() || embedded.getIfAvailable() == null || !apiTokens.none()) {
			return;
		}
		ApiTokens.IssuedToken issued = apiTokens.issue("first-admin", Role.ADMIN, BearerTokens.BOOTSTRAP_PRINCIPAL);
		LOG.warn("""

				==========================================================================
				  First start: an admin API token was issued. It is shown only this once.
				    {}
				  Send it as: Authorization: Bearer <token>
				==========================================================================""", issued.secret());
	}
}
