package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import dev.steward.app.RawGraphQlWebSocket;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Thousands of malformed HTTP requests and graphql-ws messages, generated from a seed (set
 * {@code -Dsteward.fuzz.seed=…} to replay a run): none may be answered with a 5xx or {@code INTERNAL}, none may leak a
 * stack trace or SQL, no connection may close with 1011, nothing may be logged as an ERROR, and the server answers
 * normally afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class EdgeFuzzIntegrationTests {

	static final int HTTP_REQUESTS = 3000;

	static final int WEBSOCKET_CONNECTIONS = 200;

	static final Pattern LEAK = Pattern.compile(
			"\\tat |Exception|org\\.postgresql|SQLState|SQL state|ERROR: |<html|\"INTERNAL\"|syntax error at or near",
			Pattern.CASE_INSENSITIVE);

	static final List<String> DOCUMENTS = List.of("{ me { name role } }",
			"query($id: ID!) { world(id: $id) { id name config } }",
			"mutation($id: ID!, $name: String!) { createWorld(input: {id: $id, name: $name}) { world { id } } }",
			"mutation($input: CreateWorldInput!) { createWorld(input: $input) { world { id } } }",
			"query($first: Int, $after: String) { worlds(first: $first, after: $after) { edges { node { id } } } }",
			"subscription($after: Long) { policyEvents(after: $after) { sequence } }", "{ __typename }",
			"query Named { me { name } } query Other { __typename }",
			"{ __type(name: \"Query\") { fields { name } } }");

	static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
			"application/json;charset=UTF-16", "*/*", "application/*", "text/plain", "application/graphql",
			"application/graphql+json", "application/graphql-response+json", "multipart/form-data", "json",
			"application/json; charset=\"", ";;;", "application/x-www-form-urlencoded", "");

	static final List<String> ACCEPTS = List.of("application/json", "application/graphql-response+json", "*/*",
			"text/html", "application/*", "garbage/", "", "application/json;q=x", "text/event-stream");

	static final List<String> METHODS = List.of("POST", "POST", "POST", "POST", "GET", "GET", "PUT", "DELETE",
			"PATCH", "OPTIONS", "HEAD", "PROPFIND");

	@LocalServerPort
	int port;

	final long seed = Long.getLong("steward.fuzz.seed", System.nanoTime());

	final Random random = new Random(seed);

	@Test // GH-9
	void malformedRequestsNeverGetA5xxAnInternalErrorOrALeakAndTheServerLivesOn(CapturedOutput output)
			throws Exception {
		List<String> failures = Collections.synchronizedList(new ArrayList<>());

		fuzzHttp(failures);
		fuzzWebSocket(failures);
		GraphQlHttp.Response alive = new GraphQlHttp(port).post(GraphQlHttp.ADMIN_TOKEN, "{ me { name } }");

		assertThat(failures).as("seed %d", seed).isEmpty();
		assertThat(alive.status()).isEqualTo(200);
		assertThat(alive.data().path("me").path("name").asString()).isEqualTo("bootstrap");
		assertThat(output.getOut().lines().filter(line -> line.contains(" ERROR ")).toList()).as("seed %d", seed)
			.isEmpty();
	}

	private void fuzzHttp(List<String> failures) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		Semaphore inFlight = new Semaphore(8);
		List<CompletableFuture<?>> answers = new ArrayList<>();
		for (int i = 0; i < HTTP_REQUESTS; i++) {
			HttpRequest request;
			try {
				request = httpRequest();
			}
			catch (IllegalArgumentException ex) {
				continue; // a header or URI the JDK client itself refuses to send
			}
			inFlight.acquire();
			String described = request.method() + " " + request.uri() + " " + request.headers().map();
			answers.add(http.sendAsync(request, BodyHandlers.ofString()).whenComplete((response, error) -> {
				inFlight.release();
				if (error != null) {
					failures.add(described + " -> " + error);
				}
				else {
					check(described, response, failures);
				}
			}));
		}
		CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(ex -> null).join();
	}

	private static void check(String request, HttpResponse<String> response, List<String> failures) {
		if (response.statusCode() >= 500) {
			failures.add(request + " -> " + response.statusCode() + " " + abbreviate(response.body()));
		}
		else if (LEAK.matcher(response.body()).find()) {
			failures.add(request + " -> leaked: " + abbreviate(response.body()));
		}
		else if (response.statusCode() >= 400 && !response.request().method().equals("HEAD")
				&& !response.body().contains("\"code\"")) {
			failures.add(request + " -> " + response.statusCode() + " without a code: " + abbreviate(response.body()));
		}
	}

	private HttpRequest httpRequest() {
		String method = pick(METHODS);
		String path = random.nextInt(10) < 8 ? "/graphql" : pick(List.of("/graphql/", "/graphql/x", "/error",
				"/graphql/schema", "/graphql/%00", "/graphql/" + asciiJunk(8)));
		String query = "";
		if (method.equals("GET") && random.nextBoolean()) {
			query = "?query=" + URLEncoder.encode(mutate(pick(DOCUMENTS)), StandardCharsets.UTF_8)
					+ (random.nextBoolean() ? "&variables=" + URLEncoder.encode(variables(), StandardCharsets.UTF_8) : "")
					+ (random.nextInt(4) == 0 ? "&query=%C0%AF%00" : "");
		}
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + query))
			.timeout(Duration.ofSeconds(30));
		byte[] body = method.equals("GET") || method.equals("HEAD") ? new byte[0] : body();
		builder.method(method, body.length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
		String contentType = pick(CONTENT_TYPES);
		if (!contentType.isEmpty()) {
			builder.header("Content-Type", contentType);
		}
		String accept = pick(ACCEPTS);
		if (!accept.isEmpty()) {
			builder.header("Accept", accept);
		}
		if (random.nextInt(20) > 0) {
			builder.header("Authorization", random.nextInt(30) > 0 ? "Bearer " + GraphQlHttp.ADMIN_TOKEN
					: pick(List.of("Bearer", "Bearer stw_x", "Basic abc", "Bearer " + asciiJunk(20))));
		}
		return builder.build();
	}

	private byte[] body() {
		String request = "{\"query\":" + quote(mutate(pick(DOCUMENTS))) + ",\"variables\":" + variables() + "}";
		return switch (random.nextInt(12)) {
			case 0 -> pick(List.of("null", "[]", "{}", "\"x\"", "1", "true", "{\"query\":null}", "{\"query\":[]}",
					"{\"query\":\"{ me { name } }\",\"variables\":[]}", "[".repeat(3000), "{\"a\":".repeat(2000)))
				.getBytes(StandardCharsets.UTF_8);
			case 1 -> truncate(request.getBytes(StandardCharsets.UTF_8));
			case 2 -> withRandomBytes(request.getBytes(StandardCharsets.UTF_8));
			case 3 -> withOverlong(request.getBytes(StandardCharsets.UTF_8));
			case 4 -> randomBytes(random.nextInt(200));
			default -> request.getBytes(StandardCharsets.UTF_8);
		};
	}

	private String variables() {
		return switch (random.nextInt(8)) {
			case 0 -> "null";
			case 1 -> "[]";
			case 2 -> "{\"id\":" + pick(List.of("1", "null", "[]", "{}", "true")) + "}";
			case 3 -> "{\"input\":{\"id\":" + quote(text()) + ",\"name\":" + quote(text()) + ",\"config\":{\"k\":"
					+ quote(text()) + "}}}";
			case 4 -> "{\"first\":" + pick(List.of("-1", "0", "100000", "1e9", "\"x\"", "2147483648")) + ",\"after\":"
					+ quote(text()) + "}";
			case 5 -> "{\"after\":" + pick(List.of("-5", "\"x\"", "9223372036854775807", "1.5")) + "}";
			default -> "{\"id\":" + quote(text()) + ",\"name\":" + quote(text()) + "}";
		};
	}

	/** Text with what clients get wrong: NULs, lone surrogates, control characters, quotes, long runs. */
	private String text() {
		return switch (random.nextInt(9)) {
			case 0 -> "a\u0000b";
			case 1 -> "\ud800";
			case 2 -> "x\udc00y";
			case 3 -> "'; DROP TABLE x; --";
			case 4 -> "\u0001\u001f\u007f";
			case 5 -> "w".repeat(random.nextInt(300));
			case 6 -> "fuzz-" + random.nextInt(1_000_000);
			case 7 -> "😀 ünï";
			default -> asciiJunk(random.nextInt(20));
		};
	}

	private String mutate(String document) {
		return switch (random.nextInt(8)) {
			case 0 -> document.substring(0, random.nextInt(document.length() + 1));
			case 1 -> document.replaceFirst("\\{", "{ \"\\\\u0000\" ");
			case 2 -> document.replace("name", "name(arg: \"\\u0000\")");
			case 3 -> document + " fragment F on Query { ...F }";
			case 4 -> document.replace(" ", random.nextBoolean() ? "\u0000" : " #\n");
			case 5 -> "{ " + "a: __typename ".repeat(random.nextInt(60)) + "}";
			default -> document;
		};
	}

	private void fuzzWebSocket(List<String> failures) throws Exception {
		for (int i = 0; i < WEBSOCKET_CONNECTIONS; i++) {
			boolean subprotocol = random.nextInt(10) > 0;
			try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.connect(port,
					subprotocol ? RawGraphQlWebSocket.SUBPROTOCOL : null)) {
				List<String> sent = new ArrayList<>();
				if (random.nextInt(4) > 0) {
					send(socket, "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer "
							+ GraphQlHttp.ADMIN_TOKEN + "\"}}", sent);
				}
				int messages = 1 + random.nextInt(4);
				for (int m = 0; m < messages && !socket.isClosed(); m++) {
					if (random.nextInt(15) == 0) {
						socket.sendBinary(randomBytes(10));
						sent.add("<binary>");
					}
					else {
						send(socket, webSocketMessage(m), sent);
					}
				}
				int code = socket.closeCode(Duration.ofMillis(300));
				for (String message : socket.drain()) {
					if (LEAK.matcher(message).find()) {
						failures.add("ws " + sent + " -> leaked: " + abbreviate(message));
					}
				}
				if (code == 1011 || code == 1006 || code == 1003 || code == -2) {
					failures.add("ws " + sent + " -> closed with " + code + " " + socket.closeReason());
				}
			}
			catch (java.util.concurrent.CompletionException ex) {
				// the server closed while the client was still sending: what it closed with was checked above
			}
		}
	}

	private void send(RawGraphQlWebSocket socket, String message, List<String> sent) {
		sent.add(abbreviate(message));
		if (!socket.isClosed()) {
			socket.send(message);
		}
	}

	private String webSocketMessage(int index) {
		String id = random.nextInt(5) == 0 ? "dup" : "op" + index;
		String subscribe = "{\"id\":" + quote(id) + ",\"type\":\"subscribe\",\"payload\":{\"query\":"
				+ quote(mutate(pick(DOCUMENTS))) + ",\"variables\":" + variables() + "}}";
		return switch (random.nextInt(14)) {
			case 0 -> "not json " + asciiJunk(5);
			case 1 -> "[" + subscribe + "]";
			case 2 -> "{\"type\":" + quote(pick(List.of("nonsense", "next", "error", "connection_ack", "", "SUBSCRIBE")))
					+ "}";
			case 3 -> "{\"type\":\"subscribe\",\"id\":" + quote(id) + "}";
			case 4 -> "{\"type\":\"subscribe\",\"id\":" + quote(id) + ",\"payload\":{\"variables\":{}}}";
			case 5 -> "{\"type\":\"complete\",\"id\":" + pick(List.of("1", "null", "\"op0\"", "{}")) + "}";
			case 6 -> "{\"type\":\"ping\",\"payload\":" + pick(List.of("{}", "null", "1", "[]")) + "}";
			case 7 -> "{\"type\":\"connection_init\",\"payload\":" + pick(List.of("{}", "null", "\"x\"", "[]")) + "}";
			case 8 -> new String(truncate(subscribe.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
			case 9 -> "{}";
			default -> subscribe;
		};
	}

	private byte[] truncate(byte[] bytes) {
		return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
	}

	private byte[] withRandomBytes(byte[] bytes) {
		byte[] copy = bytes.clone();
		for (int i = 0; i < 1 + random.nextInt(4) && copy.length > 0; i++) {
			copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
		}
		return copy;
	}

	private byte[] withOverlong(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = Math.max(0, bytes.length - 3);
		out.write(bytes, 0, at);
		out.write(pick(List.of(new byte[] { (byte) 0xC0, (byte) 0x80 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
				new byte[] { (byte) 0xE0, (byte) 0x80, (byte) 0xAF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				new byte[] { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 })), 0, 2);
		out.write(bytes, at, bytes.length - at);
		return out.toByteArray();
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private String asciiJunk(int length) {
		StringBuilder junk = new StringBuilder();
		for (int i = 0; i < length; i++) {
			junk.append((char) ('!' + random.nextInt(94)));
		}
		return junk.toString().replace("%", "p").replace("\\", "b").replace("\"", "q");
	}

	private <T> T pick(List<T> choices) {
		return choices.get(random.nextInt(choices.size()));
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (c < 0x20 || Character.isSurrogate(c)) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}
}
