package dev.steward.app.graphql.server;

import dev.steward.app.events.SubscriberFellBehind;
import dev.steward.app.security.BearerTokens;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps the operations running over graphql-ws, per connection and per token (on this instance), and knows which
 * ids are running so that a reused one can be refused. An operation over a cap is answered with an {@code error}
 * message whose code is {@code TOO_MANY_SUBSCRIPTIONS}; the connection stays open. A subscriber whose
 * subscription's buffer fills has fallen behind: the connection is closed with 4413 and counted in the
 * {@code steward.graphql.subscribers.fell.behind} metric; the client resumes with {@code after}.
 */
class OperationLimits implements WebGraphQlInterceptor {

	private static final Logger LOG = LoggerFactory.getLogger(OperationLimits.class);

	private final int maxPerConnection;

	private final int maxPerToken;

	private final WebSocketConnections connections;

	private final Map<String, Set<String>> runningByConnection = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> runningByToken = new ConcurrentHashMap<>();

	OperationLimits(int maxPerConnection, int maxPerToken, WebSocketConnections connections) {
		this.maxPerConnection = maxPerConnection;
		this.maxPerToken = maxPerToken;
		this.connections = connections;
	}

	boolean running(String connection, String id) {
		Set<String> ids = runningByConnection.get(connection);
		return ids != null && ids.contains(id);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest webSocket)) {
			return chain.next(request);
		}
		String connection = webSocket.getSessionInfo().getId();
		String token = webSocket.getSessionInfo().getAttributes().get(BearerTokens.SESSION_ATTRIBUTE) instanceof String t
				? t : "";
		String refusal = reserve(connection, token, webSocket.getId());
		if (refusal != null) {
			LOG.debug("Refused operation {} on WebSocket session {}: {}", webSocket.getId(), connection, refusal);
			return Mono.just(RefusalCode.TOO_MANY_SUBSCRIPTIONS.response(request, refusal));
		}
		AtomicBoolean released = new AtomicBoolean();
		Runnable release = () -> {
			if (released.compareAndSet(false, true)) {
				release(connection, token, webSocket.getId());
			}
		};
		return chain.next(request).map(response -> {
			if (response.getData() instanceof Publisher<?> stream) {
				Flux<Object> guarded = Flux.<Object>from(stream)
					.onErrorResume(OperationLimits::fellBehind, ex -> {
						connections.fellBehind(connection, String.valueOf(fellBehindIn(ex)));
						return Flux.never();
					})
					.doFinally(signal -> release.run());
				return response.transform(builder -> builder.data(guarded));
			}
			release.run();
			return response;
		}).doOnCancel(release).doOnError(ex -> release.run());
	}

	/** Whether the error is, or was caused by, a subscriber falling behind (Spring wraps a stream's errors). */
	private static boolean fellBehind(Throwable error) {
		return fellBehindIn(error) != null;
	}

	private static @org.jspecify.annotations.Nullable String fellBehindIn(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof SubscriberFellBehind fellBehind) {
				return fellBehind.getMessage();
			}
		}
		return null;
	}

	private synchronized @org.jspecify.annotations.Nullable String reserve(String connection, String token, String id) {
		Set<String> ids = runningByConnection.computeIfAbsent(connection, key -> ConcurrentHashMap.newKeySet());
		if (ids.size() >= maxPerConnection) {
			return "This connection already runs " + ids.size() + " operations, the limit (steward.graphql.subscriptions.max-per-connection).";
		}
		AtomicInteger byToken = runningByToken.computeIfAbsent(token, key -> new AtomicInteger());
		if (byToken.get() >= maxPerToken) {
			return "This token already runs " + byToken.get() + " operations, the limit (steward.graphql.subscriptions.max-per-token).";
		}
		ids.add(id);
		byToken.incrementAndGet();
		return null;
	}

	private synchronized void release(String connection, String token, String id) {
		Set<String> ids = runningByConnection.get(connection);
		if (ids != null) {
			ids.remove(id);
			if (ids.isEmpty()) {
				runningByConnection.remove(connection);
			}
		}
		AtomicInteger byToken = runningByToken.get(token);
		if (byToken != null && byToken.decrementAndGet() <= 0) {
			runningByToken.remove(token);
		}
	}
}
