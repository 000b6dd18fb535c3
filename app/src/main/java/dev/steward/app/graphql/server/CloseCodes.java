package dev.steward.app.graphql.server;

import org.springframework.web.socket.CloseStatus;

/**
 * The codes with which Steward closes a graphql-ws connection, beside those of the protocol itself (4401 before
 * {@code connection_ack}, 4408, 4429). These are part of the API: clients may rely on them.
 */
final class CloseCodes {

	/** A message that is not a graphql-transport-ws message: not JSON, no or an unknown type, missing members. */
	static final CloseStatus INVALID_MESSAGE = new CloseStatus(4400, "Invalid message");

	/** The connection_init carried no token, or one that does not authenticate. */
	static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");

	/** The connection's token was revoked (or no longer authenticates); its subscriptions end. */
	static final CloseStatus TOKEN_REVOKED = new CloseStatus(4401, "Unauthorized: token revoked");

	/** The client offered no subprotocol, or none that Steward speaks ({@code graphql-transport-ws}). */
	static final CloseStatus SUBPROTOCOL_NOT_ACCEPTABLE = new CloseStatus(4406, "Subprotocol not acceptable");

	/** A subscribe reused the id of an operation that is still running. */
	static CloseStatus subscriberExists(String id) {
		String shown = id.length() > 40 ? id.substring(0, 40) + "…" : id;
		return new CloseStatus(4409, "Subscriber for " + shown + " already exists");
	}

	/** A subscriber did not take its events and its buffer filled; reconnect and resume with {@code after}. */
	static final CloseStatus FELL_BEHIND = new CloseStatus(4413, "Subscriber fell behind; resume with after");

	private CloseCodes() {
	}
}
