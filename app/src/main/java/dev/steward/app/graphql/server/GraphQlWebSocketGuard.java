package dev.steward.app.graphql.server;

import dev.steward.app.security.BearerTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's graphql-ws handler, held to the graphql-transport-ws protocol: a connection that did not agree on that
 * subprotocol is closed with 4406; every message that is not one of the protocol's client messages with its
 * required members (binary frames included) closes the connection with 4400; a subscribe that reuses the id of a
 * running operation closes it with 4409. A {@code connection_init} without a token that authenticates closes it
 * with 4401 at once, on the thread that read it (Spring's handler would close it from the session's own scheduler,
 * which its clean-up may interrupt mid-write, so that the client sees the connection drop without the close frame).
 * None of these is logged above DEBUG: they are the client's mistakes.
 */
class GraphQlWebSocketGuard extends GraphQlWebSocketHandler {

	static final String SUBPROTOCOL = "graphql-transport-ws";

	/** Tomcat's per-session limit on one blocking write, in milliseconds. */
	private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	private static final Logger LOG = LoggerFactory.getLogger(GraphQlWebSocketGuard.class);

	/** Set on a session once its first connection_init arrived; a second one is Spring's to refuse (4429). */
	private static final String INIT_SEEN = GraphQlWebSocketGuard.class.getName() + ".initSeen";

	private static final Set<String> WITH_OPTIONAL_PAYLOAD = Set.of("connection_init", "ping", "pong");

	private final JsonMapper json;

	private final WebSocketConnections connections;

	private final OperationLimits operations;

	private final Duration writeTimeout;

	private final BearerTokens tokens;

	GraphQlWebSocketGuard(WebGraphQlHandler graphQlHandler, HttpMessageConverter<Object> converter,
			Duration connectionInitTimeout, @Nullable Duration keepAlive, JsonMapper json,
			WebSocketConnections connections, OperationLimits operations, Duration writeTimeout, BearerTokens tokens) {
		super(graphQlHandler, converter, connectionInitTimeout, keepAlive);
		this.tokens = tokens;
		this.json = json;
		this.connections = connections;
		this.operations = operations;
		this.writeTimeout = writeTimeout;
	}

	@Override
	public List<String> getSubProtocols() {
		return List.of(SUBPROTOCOL);
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		WebSocketSession counted = connections.opened(session);
		if (session instanceof NativeWebSocketSession withNative
				&& withNative.getNativeSession() instanceof jakarta.websocket.Session standard) {
			standard.getUserProperties().put(BLOCKING_SEND_TIMEOUT, writeTimeout.toMillis());
		}
		if (!SUBPROTOCOL.equals(session.getAcceptedProtocol())) {
			LOG.debug("Closing WebSocket session {}: no {} subprotocol", session.getId(), SUBPROTOCOL);
			connections.close(session.getId(), CloseCodes.SUBPROTOCOL_NOT_ACCEPTABLE);
			return;
		}
		super.afterConnectionEstablished(counted);
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
		if (!connections.accepting(session)) {
			return;
		}
		if (message instanceof PongMessage) {
			return;
		}
		if (!(message instanceof TextMessage text)) {
			refuse(session, "a binary message");
			return;
		}
		JsonNode node;
		try {
			node = json.readTree(text.getPayload());
		}
		catch (JacksonException ex) {
			refuse(session, "a message that is not JSON");
			return;
		}
		String problem = problemWith(node);
		if (problem != null) {
			refuse(session, problem);
			return;
		}
		if ("connection_init".equals(node.get("type").asString())
				&& session.getAttributes().putIfAbsent(INIT_SEEN, Boolean.TRUE) == null
				&& !authenticates(node.get("payload"))) {
			LOG.debug("Closing WebSocket session {} with 4401: connection_init without a valid token", session.getId());
			connections.closeAtOnce(session.getId(), CloseCodes.UNAUTHORIZED);
			return;
		}
		if ("subscribe".equals(node.get("type").asString())) {
			String id = node.get("id").asString();
			if (operations.running(session.getId(), id)) {
				LOG.debug("Closing WebSocket session {}: subscribe reuses the running id", session.getId());
				connections.close(session.getId(), CloseCodes.subscriberExists(id));
				return;
			}
		}
		super.handleMessage(connections.counted(session), message);
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		LOG.debug("WebSocket session {} transport error: {}", session.getId(), exception.toString());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) {
		WebSocketSession counted = connections.counted(session);
		connections.closed(session);
		super.afterConnectionClosed(counted, closeStatus);
	}

	private boolean authenticates(@Nullable JsonNode payload) {
		if (payload == null || !payload.isObject()) {
			return false;
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> values = json.convertValue(payload, Map.class);
		return BearerTokens.inConnectionInit(values).flatMap(tokens::authenticate).isPresent();
	}

	private void refuse(WebSocketSession session, String problem) {
		LOG.debug("Closing WebSocket session {} with 4400: {}", session.getId(), problem);
		connections.close(session.getId(), CloseCodes.INVALID_MESSAGE);
	}

	/** What makes the message something other than a graphql-transport-ws client message, or null. */
	static @Nullable String problemWith(@Nullable JsonNode message) {
		if (message == null || !message.isObject()) {
			return "a message that is not a JSON object";
		}
		JsonNode type = message.get("type");
		if (type == null || !type.isString()) {
			return "a message without a type";
		}
		JsonNode payload = message.get("payload");
		boolean payloadAbsent = payload == null || payload.isNull();
		switch (type.asString()) {
			case "subscribe" -> {
				if (!hasId(message)) {
					return "a subscribe without an id";
				}
				if (payloadAbsent || !payload.isObject()) {
					return "a subscribe without a payload object";
				}
				JsonNode query = payload.get("query");
				if (query == null || !query.isString() || query.asString().isBlank()) {
					return "a subscribe without a query";
				}
				JsonNode operationName = payload.get("operationName");
				if (operationName != null && !operationName.isNull() && !operationName.isString()) {
					return "a subscribe whose operationName is not a string";
				}
				for (String member : List.of("variables", "extensions")) {
					JsonNode value = payload.get(member);
					if (value != null && !value.isNull() && !value.isObject()) {
						return "a subscribe whose " + member + " is not an object";
					}
				}
				return null;
			}
			case "complete" -> {
				return hasId(message) ? null : "a complete without an id";
			}
			default -> {
				if (!WITH_OPTIONAL_PAYLOAD.contains(type.asString())) {
					return "a message of a type the client may not send";
				}
				return payloadAbsent || payload.isObject() ? null : "a payload that is not an object";
			}
		}
	}

	private static boolean hasId(JsonNode message) {
		JsonNode id = message.get("id");
		return id != null && id.isString() && !id.asString().isEmpty();
	}
}
