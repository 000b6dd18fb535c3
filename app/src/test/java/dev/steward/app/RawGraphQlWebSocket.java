package dev.steward.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A graphql-ws connection driven message by message with the JDK's WebSocket client, so that a test can send
 * anything (malformed messages, binary frames, no subprotocol) and see exactly what the server answers and with
 * which code it closes. It can also stop reading, as a client that falls behind does.
 */
public final class RawGraphQlWebSocket implements AutoCloseable {

	public static final String SUBPROTOCOL = "graphql-transport-ws";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final AtomicBoolean paused = new AtomicBoolean();

	private final StringBuilder partial = new StringBuilder();

	private final WebSocket socket;

	private volatile String closeReason = "";

	private RawGraphQlWebSocket(int port, @Nullable String subprotocol) {
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
		if (subprotocol != null) {
			builder.subprotocols(subprotocol);
		}
		this.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new Listener()).join();
	}

	/** Connects with the graphql-transport-ws subprotocol, sends nothing. */
	public static RawGraphQlWebSocket connect(int port) {
		return new RawGraphQlWebSocket(port, SUBPROTOCOL);
	}

	/** Connects offering the given subprotocol, or none when null. */
	public static RawGraphQlWebSocket connect(int port, @Nullable String subprotocol) {
		return new RawGraphQlWebSocket(port, subprotocol);
	}

	/** Connects, sends connection_init with the token and waits for connection_ack. */
	public static RawGraphQlWebSocket initialized(int port, String token) throws InterruptedException {
		RawGraphQlWebSocket socket = connect(port);
		socket.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}");
		JsonNode ack = socket.next(Duration.ofSeconds(10));
		if (!"connection_ack".equals(ack.path("type").asString(""))) {
			throw new IllegalStateException("Expected connection_ack but got " + ack);
		}
		return socket;
	}

	public RawGraphQlWebSocket send(String text) {
		socket.sendText(text, true).join();
		return this;
	}

	public RawGraphQlWebSocket sendBinary(byte[] bytes) {
		socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
		return this;
	}

	/** Sends a subscribe with the given id, document and variables (a JSON object text). */
	public RawGraphQlWebSocket subscribe(String id, String document, String variables) {
		return send("{\"id\":" + JSON.writeValueAsString(id) + ",\"type\":\"subscribe\",\"payload\":{\"query\":"
				+ JSON.writeValueAsString(document) + ",\"variables\":" + variables + "}}");
	}

	/** The next message, parsed; fails when none arrives in time. */
	public JsonNode next(Duration timeout) throws InterruptedException {
		String message = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		if (message == null) {
			throw new AssertionError("No message within " + timeout + (closed.isDone() ? "; closed with "
					+ closed.getNow(0) + " " + closeReason : ""));
		}
		return JSON.readTree(message);
	}

	/** The next message, or null when none arrives within the wait. */
	public @Nullable JsonNode poll(Duration wait) throws InterruptedException {
		String message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
		return message == null ? null : JSON.readTree(message);
	}

	/** Every message received so far and not yet taken. */
	public List<String> drain() {
		List<String> drained = new ArrayList<>();
		messages.drainTo(drained);
		return drained;
	}

	/** The close code the server sent, waiting up to the timeout; -1 when it did not close. */
	public int closeCode(Duration timeout) {
		try {
			return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return -1;
		}
		catch (Exception ex) {
			return -2;
		}
	}

	public String closeReason() {
		return closeReason;
	}

	public boolean isClosed() {
		return closed.isDone();
	}

	/** Stops reading from the socket: the server's messages pile up in the network, then on the server. */
	public void pause() {
		paused.set(true);
	}

	/** Reads again, as fast as messages come. */
	public void resume() {
		if (paused.compareAndSet(true, false)) {
			socket.request(1);
		}
	}

	@Override
	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(ex -> null);
		}
		socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		@Override
		public void onOpen(WebSocket webSocket) {
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				messages.add(partial.toString());
				partial.setLength(0);
			}
			if (!paused.get()) {
				webSocket.request(1);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			messages.add("{\"type\":\"<binary>\"}");
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closeReason = reason;
			closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closeReason = String.valueOf(error);
			closed.complete(1006);
		}
	}
}
