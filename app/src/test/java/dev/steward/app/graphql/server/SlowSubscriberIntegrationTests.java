package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import dev.steward.app.RawGraphQlWebSocket;
import dev.steward.kernel.events.EventLog;
import dev.steward.policy.WorldFacade.CreateWorld;
import dev.steward.policy.WorldFacade;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A subscriber that stops reading while many large events are appended: its connection is closed with 4413 once
 * its buffer is full (counted in the metric), and it resumes with {@code after} to receive every event, none twice.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "steward.graphql.subscriptions.buffer-events=40",
				"steward.graphql.subscriptions.buffer-bytes=1MB",
				"steward.graphql.subscriptions.write-timeout=120s" })
class SlowSubscriberIntegrationTests {

	static final String SUBSCRIPTION = """
			subscription($after: Long) { policyEvents(after: $after) { sequence subjectId payload } }""";

	static final int EVENTS = 600;

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("policyEventLog")
	EventLog log;

	@Autowired
	WorldFacade worlds;

	@Autowired
	MeterRegistry meters;

	@Test // GH-9
	void aPausedSubscriberIsClosedWith4413AndResumesWithAfterToReceiveEverything() throws Exception {
		long head = log.head();
		double closedBefore = fellBehind();
		List<Long> received = new ArrayList<>();
		int code;
		String reason;

		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, GraphQlHttp.ADMIN_TOKEN)) {
			socket.subscribe("slow", SUBSCRIPTION, "{\"after\":" + head + "}");
			Thread.sleep(500);
			socket.pause();
			appendLargeEvents(EVENTS);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (fellBehind() == closedBefore && System.nanoTime() < deadline) {
				Thread.sleep(100);
			}
			socket.resume();
			code = socket.closeCode(Duration.ofSeconds(60));
			reason = socket.closeReason();
			for (String message : socket.drain()) {
				received.add(sequenceIn(message));
			}
		}
		double closedAfterThePause = fellBehind();
		long lastSeen = received.isEmpty() ? head : received.getLast();
		long end = log.head();
		// resume as a client should: with after = the last sequence received, again after every 4413 (a resume
		// that starts while the burst is still being fanned out can fall behind the live events too)
		int resumes = 0;
		while (received.isEmpty() || received.getLast() < end) {
			assertThat(++resumes).as("resumes needed").isLessThanOrEqualTo(20);
			long after = received.isEmpty() ? head : received.getLast();
			try (RawGraphQlWebSocket resumed = RawGraphQlWebSocket.initialized(port, GraphQlHttp.ADMIN_TOKEN)) {
				resumed.subscribe("resumed", SUBSCRIPTION, "{\"after\":" + after + "}");
				while (received.isEmpty() || received.getLast() < end) {
					JsonNode message = resumed.poll(Duration.ofSeconds(30));
					if (message == null) {
						assertThat(resumed.closeCode(Duration.ZERO)).as("a resumed subscriber stops only by falling behind")
							.isEqualTo(4413);
						break;
					}
					received.add(message.path("payload").path("data").path("policyEvents").path("sequence").asLong());
				}
			}
		}

		assertThat(code).as(reason).isEqualTo(4413);
		assertThat(closedAfterThePause).isEqualTo(closedBefore + 1);
		assertThat(lastSeen).isLessThan(end);
		assertThat(received).hasSize((int) (end - head)).isSorted().doesNotHaveDuplicates();
		assertThat(received.getFirst()).isEqualTo(head + 1);
	}

	private double fellBehind() {
		return meters.counter("steward.graphql.subscribers.fell.behind").count();
	}

	private static long sequenceIn(String message) {
		JsonNode node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(message);
		return node.path("payload").path("data").path("policyEvents").path("sequence").asLong();
	}

	/** Events of about 64 KB each, appended by four writers. */
	private void appendLargeEvents(int count) throws Exception {
		Map<String, Object> config = Map.of("padding", "p".repeat(64 * 1024));
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> writes = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				writes.add(writers.submit(() -> worlds.create(new CreateWorld("slow-" + UUID.randomUUID(), "Slow", "",
						true, config, "test"))));
			}
			for (Future<?> write : writes) {
				write.get();
			}
		}
		finally {
			writers.shutdown();
		}
	}
}
