package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The WebSocket handshake of the GraphQL endpoint, read off the wire: a client offering {@code permessage-deflate}
 * gets no extension by default ({@link WebSocketCompressionOnIntegrationTests}: it gets it when compression is on).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WebSocketCompressionIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void agreesToNoExtensionWhateverTheClientOffers() throws IOException {
		List<String> answer = handshake(port);

		assertThat(answer.getFirst()).startsWith("HTTP/1.1 101");
		assertThat(answer).anyMatch(header -> header.equalsIgnoreCase("Sec-WebSocket-Protocol: graphql-transport-ws"))
			.noneMatch(header -> header.toLowerCase().startsWith("sec-websocket-extensions"));
	}

	/** The status line and headers of the answer to a graphql-ws handshake that offers permessage-deflate. */
	static List<String> handshake(int port) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET /graphql HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: Upgrade\r\n"
					+ "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Protocol: graphql-transport-ws\r\n"
					+ "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			List<String> lines = new ArrayList<>();
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				lines.add(line);
			}
			return lines;
		}
	}
}
