package dev.steward.app.graphql.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.support.GraphQlWebSocketMessage;
import org.springframework.graphql.server.support.GraphQlWebSocketMessageType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graphql-ws handler's JSON converter, which writes a {@code next} message whose payload was serialized once
 * for a group of subscribers ({@link SerializedResult.Payload}) as that JSON inside the message's own members, and
 * leaves everything else to the converter it wraps.
 */
final class FrameConverter implements HttpMessageConverter<Object> {

	private static final byte[] NEXT = ",\"type\":\"next\",\"payload\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);

	private final HttpMessageConverter<Object> delegate;

	private final JsonMapper json;

	FrameConverter(HttpMessageConverter<Object> delegate, JsonMapper json) {
		this.delegate = delegate;
		this.json = json;
	}

	@Override
	public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
		return delegate.canRead(clazz, mediaType);
	}

	@Override
	public boolean canWrite(Class<?> clazz, @Nullable MediaType mediaType) {
		return delegate.canWrite(clazz, mediaType);
	}

	@Override
	public List<MediaType> getSupportedMediaTypes() {
		return delegate.getSupportedMediaTypes();
	}

	@Override
	public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
		return delegate.getSupportedMediaTypes(clazz);
	}

	@Override
	public Object read(Class<?> clazz, HttpInputMessage inputMessage) throws IOException {
		return delegate.read(clazz, inputMessage);
	}

	@Override
	public void write(Object message, @Nullable MediaType contentType, HttpOutputMessage outputMessage)
			throws IOException {
		if (message instanceof GraphQlWebSocketMessage frame && frame.resolvedType() == GraphQlWebSocketMessageType.NEXT
				&& frame.getPayload() instanceof SerializedResult.Payload payload) {
			OutputStream body = outputMessage.getBody();
			body.write('{');
			body.write("\"id\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
			body.write(json.writeValueAsBytes(frame.getId()));
			body.write(NEXT);
			body.write(payload.json());
			body.write('}');
			return;
		}
		delegate.write(message, contentType, outputMessage);
	}
}
