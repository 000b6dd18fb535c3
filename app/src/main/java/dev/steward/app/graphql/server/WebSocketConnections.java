package dev.steward.app.graphql.server;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The graphql-ws connections open on this instance, so that one can be closed with a code from outside its own
 * message handling: a subscriber that fell behind, a revoked token. Closing runs on its own thread, since it waits
 * for a message being sent to a client that does not read.
 */
public class WebSocketConnections {

	private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnections.class);

	private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();

	private final Map<String, CloseStatus> closing = new ConcurrentHashMap<>();

	private final Scheduler closer = Schedulers.boundedElastic();

	void opened(WebSocketSession session) {
		open.put(session.getId(), session);
	}

	void closed(WebSocketSession session) {
		open.remove(session.getId());
		closing.remove(session.getId());
	}

	/** Whether messages of the connection are still handled: it is open and not being closed. */
	boolean accepting(WebSocketSession session) {
		return open.containsKey(session.getId()) && !closing.containsKey(session.getId());
	}

	/** Closes the connection with the status, once; later calls for it change nothing. */
	void close(String sessionId, CloseStatus status) {
		WebSocketSession session = open.get(sessionId);
		if (session == null || closing.putIfAbsent(sessionId, status) != null) {
			return;
		}
		closer.schedule(() -> {
			try {
				session.close(status);
			}
			catch (IOException | RuntimeException ex) {
				LOG.debug("Closing WebSocket session {} with {} failed: {}", sessionId, status, ex.toString());
			}
		});
	}

	/** Closes every open connection whose session attributes match, with the status; returns how many. */
	public int closeWhere(Predicate<Map<String, Object>> attributes, CloseStatus status) {
		int closed = 0;
		for (WebSocketSession session : open.values()) {
			if (!closing.containsKey(session.getId()) && attributes.test(session.getAttributes())) {
				close(session.getId(), status);
				closed++;
			}
		}
		return closed;
	}

	public int count() {
		return open.size();
	}
}
