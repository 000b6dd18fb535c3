package dev.steward.app.graphql.rules;

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

/** A graphql-ws client subscribed to {@code ruleChanges}, as a rule worker is, collecting what arrives. */
final class RuleChangesClient implements AutoCloseable {

	static final String SUBSCRIPTION = """
			subscription($after: Long) {
			  ruleChanges(after: $after) {
			    sequence kind ruleId revision ruleVersion source autoRevert actor at
			    state { state confidenceMax expiresAt reason setBy setAt }
			  }
			}""";

	private final WebSocketGraphQlClient client;

	private final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();

	private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

	private final Disposable subscription;

	/** The moment each change arrived, by its sequence, in nanoseconds of {@link System#nanoTime()}. */
	final Map<Long, Long> arrivals = new java.util.concurrent.ConcurrentHashMap<>();

	RuleChangesClient(int port, String token, @Nullable Long after) {
		this.client = WebSocketGraphQlClient
			.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			})
			.build();
		var request = client.document(SUBSCRIPTION);
		if (after != null) {
			request = request.variable("after", after);
		}
		this.subscription = request.executeSubscription().map(response -> {
			if (!response.isValid() || !response.getErrors().isEmpty()) {
				throw new IllegalStateException("Subscription failed: " + response.getErrors());
			}
			return response.field("ruleChanges").<Map<String, Object>>getValue();
		}).subscribe(change -> {
			arrivals.put(((Number) change.get("sequence")).longValue(), System.nanoTime());
			received.add(change);
		}, failure::set);
	}

	/** The next changes of the rule, skipping other rules' changes, waiting up to {@code timeout} for them. */
	List<Map<String, Object>> next(String ruleId, int count, Duration timeout) throws InterruptedException {
		List<Map<String, Object>> changes = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (changes.size() < count) {
			Map<String, Object> change = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (change == null) {
				throw new AssertionError("Received " + changes + " of " + count + " changes of " + ruleId + "; failure: "
						+ failure.get());
			}
			if (ruleId.equals(change.get("ruleId"))) {
				changes.add(change);
			}
		}
		return changes;
	}

	/** No change of the rule arrives within {@code wait}. */
	boolean quietFor(String ruleId, Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		while (System.nanoTime() < deadline) {
			Map<String, Object> change = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (change != null && ruleId.equals(change.get("ruleId"))) {
				return false;
			}
		}
		return true;
	}

	@Override
	public void close() {
		subscription.dispose();
		client.stop().block(Duration.ofSeconds(5));
	}
}
