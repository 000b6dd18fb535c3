package dev.steward.app.graphql.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import dev.steward.app.RawGraphQlWebSocket;
import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.Role;
import dev.steward.kernel.events.EventLog;
import dev.steward.policy.WorldFacade;
import dev.steward.policy.WorldFacade.CreateWorld;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Identical graphql-ws subscriptions share one execution per event (issue 10): counted by the metric of subscription
 * executions, over real connections to a server on PostgreSQL. The same properties as
 * {@link SlowSubscriberIntegrationTests}, so that both run in one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "steward.graphql.subscriptions.buffer-events=40",
				"steward.graphql.subscriptions.buffer-bytes=1MB",
				"steward.graphql.subscriptions.write-timeout=120s" })
class SubscriptionGroupsIntegrationTests {

	static final String LIVE = "subscription { policyEvents { sequence subjectId type } }";

	static final String WITH_PAYLOAD = "subscription { policyEvents { sequence subjectId payload } }";

	static final String RESUMABLE = """
			subscription($after: Long) { policyEvents(after: $after) { sequence subjectId type } }""";

	static final String WITH_OR_WITHOUT_TYPE = """
			subscription($withType: Boolean!) { policyEvents { sequence subjectId type @include(if: $withType) } }""";

	static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("policyEventLog")
	EventLog log;

	@Autowired
	WorldFacade worlds;

	@Autowired
	SubscriptionGroups groups;

	@Autowired
	SubscriptionExecutions executions;

	@Autowired
	ApiTokens tokens;

	@Autowired
	MeterRegistry meters;

	final List<RawGraphQlWebSocket> sockets = new ArrayList<>();

	@BeforeEach
	void noGroupIsLeftFromEarlierTests() throws InterruptedException {
		waitUntil(() -> groups.groups() == 0, "groups of earlier tests to end");
	}

	@AfterEach
	void closeSockets() {
		sockets.forEach(RawGraphQlWebSocket::close);
	}

	@Test // GH-10
	void identicalSubscriptionsOnManyConnectionsShareOneExecutionPerEvent() throws Exception {
		List<RawGraphQlWebSocket> subscribers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			RawGraphQlWebSocket socket = connect(GraphQlHttp.ADMIN_TOKEN);
			socket.subscribe("a", LIVE, "{}");
			socket.subscribe("b", LIVE, "{}");
			subscribers.add(socket);
		}
		waitUntil(() -> groups.members() == 16, "16 subscribers to join");
		double before = executions.count();

		List<String> created = createWorlds(3);

		for (RawGraphQlWebSocket socket : subscribers) {
			List<JsonNode> frames = next(socket, 6);
			assertThat(frames).extracting(frame -> frame.path("id").asString()).containsOnly("a", "b");
			for (String id : List.of("a", "b")) {
				assertThat(frames.stream().filter(frame -> frame.path("id").asString().equals(id)))
					.extracting(frame -> frame.path("payload").path("data").path("policyEvents").path("subjectId").asString())
					.containsExactlyElementsOf(created);
			}
		}
		assertThat(groups.groups()).isEqualTo(1);
		assertThat(executions.count() - before).isEqualTo(3);
	}

	@Test // GH-10
	void subscriptionsWhoseRolesOrVariablesDifferAreExecutedInGroupsOfTheirOwn() throws Exception {
		String viewer = tokens.issue("viewer-" + UUID.randomUUID(), Role.VIEWER, "test").secret();
		RawGraphQlWebSocket admin = connect(GraphQlHttp.ADMIN_TOKEN);
		admin.subscribe("live", LIVE, "{}");
		admin.subscribe("typed", WITH_OR_WITHOUT_TYPE, "{\"withType\":true}");
		admin.subscribe("untyped", WITH_OR_WITHOUT_TYPE, "{\"withType\":false}");
		RawGraphQlWebSocket asViewer = connect(viewer);
		asViewer.subscribe("live", LIVE, "{}");
		asViewer.subscribe("typed", WITH_OR_WITHOUT_TYPE, "{\"withType\":true}");
		RawGraphQlWebSocket secondAdmin = connect(GraphQlHttp.ADMIN_TOKEN);
		secondAdmin.subscribe("same-as-typed", WITH_OR_WITHOUT_TYPE, "{\"withType\":true}");
		waitUntil(() -> groups.members() == 6, "6 subscribers to join");
		double before = executions.count();

		createWorlds(1);

		Map<String, JsonNode> toAdmin = byId(next(admin, 3));
		Map<String, JsonNode> toViewer = byId(next(asViewer, 2));
		Map<String, JsonNode> toSecondAdmin = byId(next(secondAdmin, 1));
		assertThat(event(toAdmin.get("typed")).has("type")).isTrue();
		assertThat(event(toAdmin.get("untyped")).has("type")).isFalse();
		assertThat(event(toViewer.get("typed")).has("type")).isTrue();
		assertThat(event(toSecondAdmin.get("same-as-typed"))).isEqualTo(event(toAdmin.get("typed")));
		// admin live, admin typed (shared with the second admin), admin untyped, viewer live, viewer typed
		assertThat(groups.groups()).isEqualTo(5);
		assertThat(executions.count() - before).isEqualTo(5);
	}

	@Test // GH-10
	void aMemberThatStopsReadingIsClosedWith4413WhileTheOthersReceiveEveryEvent() throws Exception {
		double fellBehindBefore = meters.counter("steward.graphql.subscribers.fell.behind").count();
		List<RawGraphQlWebSocket> readers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			RawGraphQlWebSocket socket = connect(GraphQlHttp.ADMIN_TOKEN);
			socket.subscribe("live", WITH_PAYLOAD, "{}");
			readers.add(socket);
		}
		RawGraphQlWebSocket slow = connect(GraphQlHttp.ADMIN_TOKEN);
		slow.subscribe("live", WITH_PAYLOAD, "{}");
		waitUntil(() -> groups.members() == 4, "4 subscribers to join");
		long head = log.head();
		slow.pause();

		appendLargeEvents(600);
		long end = log.head();
		waitUntil(() -> meters.counter("steward.graphql.subscribers.fell.behind").count() > fellBehindBefore,
				"the paused subscriber to fall behind");
		slow.resume();

		assertThat(slow.closeCode(WAIT)).isEqualTo(4413);
		for (RawGraphQlWebSocket reader : readers) {
			List<Long> sequences = next(reader, (int) (end - head)).stream()
				.map(frame -> event(frame).path("sequence").asLong())
				.toList();
			assertThat(sequences).isSorted().doesNotHaveDuplicates().hasSize((int) (end - head));
			assertThat(sequences.getFirst()).isEqualTo(head + 1);
		}
		assertThat(meters.counter("steward.graphql.subscribers.fell.behind").count()).isEqualTo(fellBehindBefore + 1);
		assertThat(groups.groups()).isEqualTo(1);
		assertThat(groups.members()).isEqualTo(3);
	}

	@Test // GH-10
	void aMemberLeavingLeavesTheGroupRunningAndTheLastOneLeavingEndsIt() throws Exception {
		RawGraphQlWebSocket staying = connect(GraphQlHttp.ADMIN_TOKEN);
		staying.subscribe("live", LIVE, "{}");
		RawGraphQlWebSocket completing = connect(GraphQlHttp.ADMIN_TOKEN);
		completing.subscribe("live", LIVE, "{}");
		RawGraphQlWebSocket disconnecting = connect(GraphQlHttp.ADMIN_TOKEN);
		disconnecting.subscribe("live", LIVE, "{}");
		waitUntil(() -> groups.members() == 3, "3 subscribers to join");

		completing.send("{\"id\":\"live\",\"type\":\"complete\"}");
		disconnecting.close();
		waitUntil(() -> groups.members() == 1, "2 subscribers to leave");
		String created = createWorlds(1).getFirst();

		assertThat(event(staying.next(WAIT)).path("subjectId").asString()).isEqualTo(created);
		assertThat(groups.groups()).isEqualTo(1);

		staying.send("{\"id\":\"live\",\"type\":\"complete\"}");
		waitUntil(() -> groups.groups() == 0, "the group to end");
		double before = executions.count();
		createWorlds(1);
		RawGraphQlWebSocket probe = connect(GraphQlHttp.ADMIN_TOKEN);
		probe.subscribe("probe", LIVE, "{}");
		waitUntil(() -> groups.members() == 1, "a new group");
		String later = createWorlds(1).getFirst();
		int framesToProbe = 0;
		String seen = "";
		while (!seen.equals(later)) {
			seen = event(probe.next(WAIT)).path("subjectId").asString();
			framesToProbe++;
		}
		assertThat(executions.count() - before).as("the ended group executes nothing more")
			.isEqualTo(framesToProbe);
		assertThat(completing.poll(Duration.ZERO)).isNull();
	}

	@Test // GH-10
	void aSubscriberResumingWithAfterReplaysItsBacklogThenContinuesLiveBesideTheGroup() throws Exception {
		RawGraphQlWebSocket live = connect(GraphQlHttp.ADMIN_TOKEN);
		live.subscribe("live", LIVE, "{}");
		waitUntil(() -> groups.members() == 1, "the live subscriber to join");
		long head = log.head();
		List<String> backlog = createWorlds(4);
		next(live, 4);

		RawGraphQlWebSocket resuming = connect(GraphQlHttp.ADMIN_TOKEN);
		resuming.subscribe("resume", RESUMABLE, "{\"after\":" + head + "}");
		List<JsonNode> replayed = next(resuming, 4);
		List<String> more = createWorlds(3);
		List<JsonNode> continued = next(resuming, 3);

		List<Long> sequences = new ArrayList<>();
		replayed.forEach(frame -> sequences.add(event(frame).path("sequence").asLong()));
		continued.forEach(frame -> sequences.add(event(frame).path("sequence").asLong()));
		assertThat(sequences).containsExactly(head + 1, head + 2, head + 3, head + 4, head + 5, head + 6, head + 7);
		assertThat(replayed).extracting(frame -> event(frame).path("subjectId").asString())
			.containsExactlyElementsOf(backlog);
		assertThat(continued).extracting(frame -> event(frame).path("subjectId").asString())
			.containsExactlyElementsOf(more);
		assertThat(next(live, 3)).extracting(frame -> event(frame).path("subjectId").asString())
			.containsExactlyElementsOf(more);
		assertThat(groups.groups()).as("a resuming subscription runs on its own").isEqualTo(1);
		assertThat(groups.members()).isEqualTo(1);
		assertThat(resuming.poll(Duration.ZERO)).isNull();
	}

	@Test // GH-10
	void aSubscriptionThatIsRefusedIsRefusedForEverySubscriberAndFormsNoGroup() throws Exception {
		RawGraphQlWebSocket first = connect(GraphQlHttp.ADMIN_TOKEN);
		RawGraphQlWebSocket second = connect(GraphQlHttp.ADMIN_TOKEN);

		first.subscribe("bad", "subscription { policyEvents { sequence nope } }", "{}");
		JsonNode toFirst = first.next(WAIT);
		second.subscribe("bad", "subscription { policyEvents { sequence nope } }", "{}");
		JsonNode toSecond = second.next(WAIT);

		assertThat(toFirst.path("type").asString()).isEqualTo("error");
		assertThat(toFirst.path("payload").path(0).path("extensions").path("code").asString())
			.isEqualTo("GRAPHQL_VALIDATION_FAILED");
		assertThat(toSecond.path("payload")).isEqualTo(toFirst.path("payload"));
		assertThat(groups.groups()).isZero();
	}

	private RawGraphQlWebSocket connect(String token) throws InterruptedException {
		RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(port, token);
		sockets.add(socket);
		return socket;
	}

	private List<String> createWorlds(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = "mux-" + UUID.randomUUID();
			worlds.create(new CreateWorld(id, "Mux", "", true, Map.of(), "test"));
			ids.add(id);
		}
		return ids;
	}

	/** Events of about 64 KB each, appended by four writers. */
	private void appendLargeEvents(int count) throws Exception {
		Map<String, Object> config = Map.of("padding", "p".repeat(64 * 1024));
		ExecutorService writers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> writes = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				writes.add(writers.submit(() -> worlds.create(new CreateWorld("mux-large-" + UUID.randomUUID(), "Mux",
						"", true, config, "test"))));
			}
			for (Future<?> write : writes) {
				write.get();
			}
		}
		finally {
			writers.shutdown();
		}
	}

	private static List<JsonNode> next(RawGraphQlWebSocket socket, int count) throws InterruptedException {
		List<JsonNode> frames = new ArrayList<>();
		while (frames.size() < count) {
			JsonNode frame = socket.next(WAIT);
			assertThat(frame.path("type").asString()).as(frame.toString()).isEqualTo("next");
			frames.add(frame);
		}
		return frames;
	}

	private static Map<String, JsonNode> byId(List<JsonNode> frames) {
		Map<String, JsonNode> byId = new java.util.HashMap<>();
		frames.forEach(frame -> byId.put(frame.path("id").asString(), frame));
		return byId;
	}

	private static JsonNode event(JsonNode frame) {
		return frame.path("payload").path("data").path("policyEvents");
	}

	private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Gave up waiting for " + what);
			}
			Thread.sleep(20);
		}
	}
}
