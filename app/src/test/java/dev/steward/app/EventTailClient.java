package dev.steward.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * A graphql-ws client subscribed to one context's event tail ({@code policyEvents}, {@code retentionEvents}, …),
 * collecting what arrives.
 */
public final class EventTailClient implements AutoCloseable {

	private static final String SUBSCRIPTION = """
			subscription($after: Long) {
			  %s(after: $after) {
			    sequence eventId type subjectKind subjectId actor payload payloadDigest payloadCbor chainHash createdAt
			  }
			}""";

	private final WebSocketGraphQlClient client;

	private final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();

	private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

	private final Disposable subscription;

	/** Subscribes to {@code policyEvents}; see {@link #EventTailClient(int, String, Long, String)}. */
	public static EventTailClient policyEvents(int port, @Nullable String token, @Nullable Long after) {
		return new EventTailClient(port, token, after, "policyEvents");
	}

	/** Subscribes to {@code retentionEvents}; see {@link #EventTailClient(int, String, Long, String)}. */
	public static EventTailClient retentionEvents(int port, @Nullable String token, @Nullable Long after) {
		return new EventTailClient(port, token, after, "retentionEvents");
	}

	/**
	 * Subscribes to the tail with {@code after} (none when null), authenticating with {@code token} (none when
	 * null).
	 */
	public EventTailClient(int port, @Nullable String token, @Nullable Long after, String tail) {
		this.client = WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return token == null ? Mono.empty() : Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
		var request = client.document(SUBSCRIPTION.formatted(tail));
		if (after != null) {
			request = request.variable("after", after);
		}
		this.subscription = request.executeSubscription()
			.map(response -> {
				if (!response.isValid() || !response.getErrors().isEmpty()) {
					throw new IllegalStateException("Subscription failed: " + response.getErrors());
				}
				return response.field(tail).<Map<String, Object>>getValue();
			})
			.subscribe(received::add, failure::set);
	}

	/** The next {@code count} events, waiting up to {@code timeout} for them. */
	public List<Map<String, Object>> next(int count, Duration timeout) throws InterruptedException {
		List<Map<String, Object>> events = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (events.size() < count) {
			Map<String, Object> event = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (event == null) {
				throw new AssertionError("Received " + events.size() + " of " + count + " events; failure: " + failure.get());
			}
			events.add(event);
		}
		return events;
	}

	/** The next event, or null when none arrives within {@code wait}. */
	public @Nullable Map<String, Object> poll(Duration wait) throws InterruptedException {
		return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Nothing more arrives within {@code wait}. */
	public boolean quietFor(Duration wait) throws InterruptedException {
		return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS) == null;
	}

	/** The error that ended the subscription, waiting up to {@code timeout} for one. */
	public @Nullable Throwable failure(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (failure.get() == null && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		return failure.get();
	}

	public static long sequence(Map<String, Object> event) {
		return ((Number) event.get("sequence")).longValue();
	}

	@Override
	public void close() {
		subscription.dispose();
		client.stop().block(Duration.ofSeconds(5));
	}
}
