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

	private static final byte[] ID = "{\"id\":".getBytes(java.nio.charset.StandardCharsets.UTF_8);

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
			// one write of the whole frame, so that the handler's buffer grows once
			byte[] id = id(frame.getId());
			byte[] shared = payload.json();
			byte[] whole = new byte[ID.length + id.length + NEXT.length + shared.length + 1];
			int at = put(whole, 0, ID);
			at = put(whole, at, id);
			at = put(whole, at, NEXT);
			at = put(whole, at, shared);
			whole[at] = '}';
			OutputStream body = outputMessage.getBody();
			body.write(whole);
			return;
		}
		delegate.write(message, contentType, outputMessage);
	}

	/** The operation id as a JSON string: written as it is when it needs no escaping (the usual case), else by Jackson. */
	private byte[] id(@Nullable String id) throws IOException {
		if (id == null) {
			return json.writeValueAsBytes(null);
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
				return json.writeValueAsBytes(id);
			}
		}
		byte[] quoted = new byte[id.length() + 2];
		quoted[0] = '"';
		for (int i = 0; i < id.length(); i++) {
			quoted[i + 1] = (byte) id.charAt(i);
		}
		quoted[quoted.length - 1] = '"';
		return quoted;
	}

	private static int put(byte[] into, int at, byte[] bytes) {
		System.arraycopy(bytes, 0, into, at, bytes.length);
		return at + bytes.length;
	}
}
