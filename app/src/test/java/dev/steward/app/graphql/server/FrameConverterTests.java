package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A {@code next} frame around a payload serialized once: the same JSON as the plain converter writes, for any id. */
class FrameConverterTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FrameConverter converter = new FrameConverter(new JacksonJsonHttpMessageConverter(JSON), JSON);

	@ParameterizedTest
	@ValueSource(strings = { "1", "s0", "sub-7_a.b:c", "quote\"d", "back\\slash", "tab\there", "é-unicode", "😀", "" })
	void writesTheFrameThePlainConverterWouldForAnyId(String id) throws IOException {
		Map<String, Object> specification = Map.of("data", Map.of("policyEvents", Map.of("sequence", 42, "type",
				"v1.world.created")));
		SerializedResult.Payload payload = new SerializedResult.Payload(specification, JSON.writeValueAsBytes(specification));

		String written = write(GraphQlWebSocketMessage.next(id, payload));

		JsonNode frame = JSON.readTree(written);
		assertThat(frame.get("id").asString()).isEqualTo(id);
		assertThat(frame.get("type").asString()).isEqualTo("next");
		assertThat(frame.get("payload")).isEqualTo(JSON.valueToTree(specification));
		assertThat(frame.size()).isEqualTo(3);
	}

	@Test
	void leavesOtherMessagesToThePlainConverter() throws IOException {
		String written = write(GraphQlWebSocketMessage.connectionAck(Map.of()));

		assertThat(JSON.readTree(written).get("type").asString()).isEqualTo("connection_ack");
	}

	private String write(GraphQlWebSocketMessage message) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		converter.write(message, null, new HttpOutputMessage() {
			@Override
			public OutputStream getBody() {
				return body;
			}

			@Override
			public HttpHeaders getHeaders() {
				return new HttpHeaders();
			}
		});
		return body.toString(StandardCharsets.UTF_8);
	}
}
