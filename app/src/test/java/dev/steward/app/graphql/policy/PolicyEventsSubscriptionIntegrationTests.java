package dev.steward.app.graphql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import dev.steward.app.EventTailClient;
import dev.steward.kernel.events.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The whole path: mutation, aggregate, event, log, doorbell, fan-out, graphql-ws subscriber. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PolicyEventsSubscriptionIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(15);

	static final String CREATE = """
			mutation($id: ID!) { createWorld(input: {id: $id, name: "Subscribed"}) { world { id } } }""";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("policyEventLog")
	EventLog log;

	GraphQlHttp graphql;

	@BeforeEach
	void client() {
		graphql = new GraphQlHttp(port);
	}

	@Test
	void aSubscriberWithACursorReceivesTheCreationAndAfterReconnectingWhatItMissed() throws Exception {
		long head = log.head();
		String first = anyId();
		long lastSeen;

		try (EventTailClient subscriber = EventTailClient.policyEvents(port, GraphQlHttp.ADMIN_TOKEN, head)) {
			createWorld(first);
			Map<String, Object> created = subscriber.next(1, WAIT).getFirst();
			assertThat(created).containsEntry("type", "v1.world.created")
				.containsEntry("subjectKind", "world")
				.containsEntry("subjectId", first)
				.containsEntry("actor", "bootstrap");
			assertThat(EventTailClient.sequence(created)).isEqualTo(head + 1);
			assertThat(created.get("payload")).isEqualTo(Map.of("world_id", first, "name", "Subscribed", "description", "", "active", true, "config", Map.of()));
			assertThat((String) created.get("payloadDigest")).hasSize(64);
			lastSeen = EventTailClient.sequence(created);
		}
		String missedOne = anyId();
		String missedTwo = anyId();
		createWorld(missedOne);
		createWorld(missedTwo);

		try (EventTailClient reconnected = EventTailClient.policyEvents(port, GraphQlHttp.ADMIN_TOKEN, lastSeen)) {
			List<Map<String, Object>> missed = reconnected.next(2, WAIT);
			String live = anyId();
			createWorld(live);
			Map<String, Object> afterwards = reconnected.next(1, WAIT).getFirst();

			assertThat(missed).extracting(event -> event.get("subjectId")).containsExactly(missedOne, missedTwo);
			assertThat(missed).extracting(EventTailClient::sequence).containsExactly(lastSeen + 1, lastSeen + 2);
			assertThat(afterwards).containsEntry("subjectId", live);
			assertThat(EventTailClient.sequence(afterwards)).isEqualTo(lastSeen + 3);
			assertThat(reconnected.quietFor(Duration.ofMillis(1500))).isTrue();
		}
	}

	@Test
	void aSubscriberWithoutACursorReceivesOnlyNewEvents() throws Exception {
		String before = anyId();
		createWorld(before);

		try (EventTailClient subscriber = EventTailClient.policyEvents(port, GraphQlHttp.ADMIN_TOKEN, null)) {
			// a subscription is live once the server has it; keep appending until the first live event arrives
			java.util.List<String> created = new java.util.ArrayList<>();
			Map<String, Object> first = null;
			for (int attempt = 0; attempt < 20 && first == null; attempt++) {
				String id = anyId();
				createWorld(id);
				created.add(id);
				first = subscriber.poll(Duration.ofMillis(750));
			}

			assertThat(first).isNotNull();
			assertThat(created).contains((String) first.get("subjectId"));
			assertThat(first.get("subjectId")).isNotEqualTo(before);
		}
	}

	@Test
	void aWebSocketWithoutAValidTokenIsRefused() throws Exception {
		try (EventTailClient anonymous = EventTailClient.policyEvents(port, null, 0L);
				EventTailClient impostor = EventTailClient.policyEvents(port, "stw_forged", 0L)) {
			assertThat(anonymous.failure(WAIT)).as("closed as unauthenticated").hasMessageContaining("4401");
			assertThat(impostor.failure(WAIT)).as("closed as unauthenticated").hasMessageContaining("4401");
		}
	}

	private void createWorld(String id) {
		GraphQlHttp.Response response = graphql.post(GraphQlHttp.ADMIN_TOKEN, CREATE, Map.of("id", id));
		assertThat(response.hasErrors()).as(response.body()).isFalse();
	}

	private static String anyId() {
		return "subscribed-" + UUID.randomUUID();
	}
}
