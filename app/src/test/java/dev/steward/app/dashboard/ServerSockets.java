package dev.steward.app.dashboard;

import dev.steward.app.graphql.server.WebSocketConnections;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.CloseStatus;

/**
 * The server's graphql-ws connections, seen from a test so that it can close them from the server side, as a
 * restart or a proxy dropping the connection would.
 */
public class ServerSockets {

	private final WebSocketConnections connections;

	ServerSockets(WebSocketConnections connections) {
		this.connections = connections;
	}

	/** How many connections were ever opened. */
	public int opened() {
		return connections.opened();
	}

	/** Closes every open connection with 1012 (service restart) and returns how many there were. */
	public int closeAll() {
		return connections.closeWhere(attributes -> true, CloseStatus.SERVICE_RESTARTED);
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		ServerSockets serverSockets(WebSocketConnections connections) {
			return new ServerSockets(connections);
		}
	}
}
