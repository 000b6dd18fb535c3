package dev.steward.app.graphql.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The graphql-ws connections open on this instance, so that one can be closed with a code from outside its own
 * message handling (a subscriber that fell behind, a revoked token). A close waits for the message being written
 * to finish, so that the close frame follows it; a write that times out because the client reads nothing counts
 * as falling behind. Writes to a connection that is gone are dropped quietly.
 */
public class WebSocketConnections {

	private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnections.class);

	private final Map<String, Connection> open = new ConcurrentHashMap<>();

	private final Map<String, CloseStatus> closing = new ConcurrentHashMap<>();

	private final Scheduler closer = Schedulers.boundedElastic();

	private final Counter fellBehind;

	private final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();

	WebSocketConnections(MeterRegistry meters) {
		this.fellBehind = Counter.builder("steward.graphql.subscribers.fell.behind")
			.description("graphql-ws connections closed (4413) because a subscriber did not keep up")
			.register(meters);
	}

	/** Registers the connection; the session returned is the one to send through, so that writes are counted. */
	WebSocketSession opened(WebSocketSession session) {
		opened.incrementAndGet();
		return open.computeIfAbsent(session.getId(), id -> new Connection(session)).counted;
	}

	/** The counted session of an open connection, or the session itself. */
	WebSocketSession counted(WebSocketSession session) {
		Connection connection = open.get(session.getId());
		return connection == null ? session : connection.counted;
	}

	void closed(WebSocketSession session) {
		open.remove(session.getId());
		closing.remove(session.getId());
	}

	/** Whether messages of the connection are still handled: it is open and not being closed. */
	boolean accepting(WebSocketSession session) {
		return open.containsKey(session.getId()) && !closing.containsKey(session.getId());
	}

	/** Closes the connection with 4413 and counts it, once. */
	void fellBehind(String sessionId, String why) {
		if (close(sessionId, CloseCodes.FELL_BEHIND)) {
			fellBehind.increment();
			LOG.info("Closing WebSocket session {} with 4413: {}", sessionId, why);
		}
	}

	/**
	 * Closes the connection with the status, once; returns whether this call did (later ones change nothing). A
	 * message being written is let finish first, so that the close frame follows it rather than cutting it off.
	 */
	boolean close(String sessionId, CloseStatus status) {
		Connection connection = open.get(sessionId);
		if (connection == null || closing.putIfAbsent(sessionId, status) != null) {
			return false;
		}
		connection.closeAfterWrite(status);
		return true;
	}

	/**
	 * Closes the connection with the status now, on the calling thread, once: for a refusal decided while handling
	 * the connection's own message, before anything else was written to it.
	 */
	void closeAtOnce(String sessionId, CloseStatus status) {
		Connection connection = open.get(sessionId);
		if (connection != null && closing.putIfAbsent(sessionId, status) == null) {
			connection.closeNow(status);
		}
	}

	/** How many connections were ever opened on this instance. */
	public int opened() {
		return opened.get();
	}

	/** Closes every open connection whose session attributes match, with the status; returns how many. */
	public int closeWhere(Predicate<Map<String, Object>> attributes, CloseStatus status) {
		int closed = 0;
		for (Connection connection : open.values()) {
			if (!closing.containsKey(connection.session.getId())
					&& attributes.test(connection.session.getAttributes())
					&& close(connection.session.getId(), status)) {
				closed++;
			}
		}
		return closed;
	}

	private final class Connection {

		final WebSocketSession session;

		final WebSocketSession counted;

		final AtomicBoolean closed = new AtomicBoolean();

		volatile boolean writing;

		volatile @Nullable CloseStatus closeRequested;

		Connection(WebSocketSession session) {
			this.session = session;
			this.counted = new WebSocketSessionDecorator(session) {

				@Override
				public void sendMessage(WebSocketMessage<?> message) throws IOException {
					if (closed.get() || !isOpen()) {
						return;
					}
					writing = true;
					try {
						super.sendMessage(message);
					}
					catch (IllegalStateException ex) {
						if (isOpen()) {
							throw ex;
						}
						// the client closed the connection between the check and the write: nothing to report
						LOG.debug("WebSocket session {} closed before a message was written", session.getId());
					}
					catch (IOException ex) {
						if (ex.getCause() instanceof SocketTimeoutException || ex instanceof SocketTimeoutException) {
							fellBehind(session.getId(), "the client read nothing while a message waited to be written");
						}
						else {
							// the client went away or the connection is being closed: nothing for the server to report
							LOG.debug("Writing to WebSocket session {} failed: {}", session.getId(), ex.toString());
							closeRequested = CloseStatus.GOING_AWAY;
						}
					}
					finally {
						writing = false;
						CloseStatus requested = closeRequested;
						if (requested != null) {
							closeNow(requested);
						}
					}
				}
			};
		}

		void closeAfterWrite(CloseStatus status) {
			closeRequested = status;
			if (!writing) {
				closer.schedule(() -> closeNow(status));
			}
		}

		void closeNow(CloseStatus status) {
			if (!closed.compareAndSet(false, true)) {
				return;
			}
			try {
				session.close(status);
			}
			catch (IOException | RuntimeException ex) {
				LOG.debug("Closing WebSocket session {} with {} failed: {}", session.getId(), status, ex.toString());
			}
		}
	}
}
