package dev.steward.app.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The server's graphql-ws handler, as Spring Boot would build it, but keeping hold of its open WebSocket sessions so
 * that a test can close them from the server side, as a restart or a proxy dropping the connection would.
 */
public class ServerSockets extends GraphQlWebSocketHandler {

	private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();

	private final AtomicInteger opened = new AtomicInteger();

	ServerSockets(WebGraphQlHandler handler, Duration initTimeout) {
		super(handler, new JacksonJsonHttpMessageConverter(), initTimeout);
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		open.add(session);
		opened.incrementAndGet();
		super.afterConnectionEstablished(session);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		open.remove(session);
		super.afterConnectionClosed(session, status);
	}

	/** How many connections were ever opened. */
	public int opened() {
		return opened.get();
	}

	/** Closes every open connection with 1012 (service restart) and returns how many there were. */
	public int closeAll() {
		List<WebSocketSession> sessions = List.copyOf(open);
		for (WebSocketSession session : sessions) {
			try {
				session.close(CloseStatus.SERVICE_RESTARTED);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return sessions.size();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		ServerSockets graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties) {
			return new ServerSockets(handler, properties.getWebsocket().getConnectionInitTimeout());
		}
	}
}
