package dev.steward.app.graphql.server;

import static dev.steward.app.graphql.server.WebSocketCompressionIntegrationTests.handshake;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With {@code steward.graphql.subscriptions.compression=true} the handshake agrees to the deflate a client offers. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "steward.graphql.subscriptions.compression=true")
class WebSocketCompressionOnIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void agreesToTheDeflateTheClientOffers() throws IOException {
		List<String> answer = handshake(port);

		assertThat(answer.getFirst()).startsWith("HTTP/1.1 101");
		assertThat(answer)
			.anyMatch(header -> header.toLowerCase().startsWith("sec-websocket-extensions: permessage-deflate"));
	}
}
