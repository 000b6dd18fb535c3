package dev.steward.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.Application;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.RawGraphQlWebSocket;
import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.Role;
import dev.steward.app.EventTailClient;
import dev.steward.kernel.events.EventLog;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two Steward instances on one database: what one appends, the other's subscribers receive. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TwoInstancesIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	@Qualifier("policyEventLog")
	EventLog log;

	@Autowired
	EventHub hub;

	@Autowired
	ApiTokens tokens;

	ConfigurableApplicationContext second;

	int secondPort;

	@BeforeEach
	void startSecondInstance() {
		// no poll tick on the second instance within a test: only bells (and reconnects) make it read
		second = new SpringApplicationBuilder(Application.class).run("--server.port=0", "--steward.events.poll-interval=60s",
				"--spring.datasource.url=" + dataSource.getJdbcUrl(),
				"--spring.datasource.username=" + dataSource.getUsername(),
				"--spring.datasource.password=" + (dataSource.getPassword() == null ? "" : dataSource.getPassword()));
		secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
	}

	@AfterEach
	void stopSecondInstance() {
		second.close();
	}

	@Test // GH-9
	void aTokenRevokedOnOneInstanceEndsItsSubscriptionsOnTheOtherWithinASecond() throws Exception {
		ApiTokens.IssuedToken issued = tokens.issue("two-instances-" + UUID.randomUUID(), Role.VIEWER, "test");
		try (RawGraphQlWebSocket socket = RawGraphQlWebSocket.initialized(secondPort, issued.secret())) {
			socket.subscribe("live", "subscription { policyEvents { sequence } }", "{}");
			Thread.sleep(300);

			long revokedAt = System.nanoTime();
			tokens.revoke(issued.token().id(), "test");
			int code = socket.closeCode(Duration.ofSeconds(5));
			long tookMillis = (System.nanoTime() - revokedAt) / 1_000_000;

			assertThat(code).isEqualTo(4401);
			assertThat(tookMillis).isLessThan(1000);
		}
	}

	@Test
	void aMutationOnOneInstanceReachesASubscriberOnTheOther() throws Exception {
		long head = log.head();
		String id = "two-instances-" + UUID.randomUUID();

		try (EventTailClient subscriber = EventTailClient.policyEvents(secondPort, GraphQlHttp.ADMIN_TOKEN, head)) {
			new GraphQlHttp(port).post(GraphQlHttp.ADMIN_TOKEN,
					"mutation($id: ID!) { createWorld(input: {id: $id, name: \"Elsewhere\"}) { world { id } } }",
					Map.of("id", id));

			assertThat(subscriber.next(1, WAIT).getFirst()).containsEntry("subjectId", id);
		}
	}

	@Test
	void eventsStillArriveAfterTheListenConnectionsAreKilled() throws Exception {
		long head = log.head();

		try (EventTailClient subscriber = EventTailClient.policyEvents(secondPort, GraphQlHttp.ADMIN_TOKEN, head)) {
			int killed = JdbcClient.create((DataSource) dataSource)
				.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()")
				.param(Doorbell.APPLICATION_NAME)
				.query(Integer.class)
				.single();
			String id = "after-kill-" + UUID.randomUUID();
			new GraphQlHttp(port).post(GraphQlHttp.ADMIN_TOKEN,
					"mutation($id: ID!) { createWorld(input: {id: $id, name: \"Survivor\"}) { world { id } } }",
					Map.of("id", id));

			assertThat(killed).isGreaterThanOrEqualTo(2);
			assertThat(subscriber.next(1, WAIT).getFirst()).containsEntry("subjectId", id);
		}
	}

	@Test
	void readsTheLogOncePerBellWhateverTheNumberOfSubscribers() throws Exception {
		long head = log.head();
		EventHub secondHub = second.getBean(EventHub.class);
		try (EventTailClient one = EventTailClient.policyEvents(secondPort, GraphQlHttp.ADMIN_TOKEN, head);
				EventTailClient two = EventTailClient.policyEvents(secondPort, GraphQlHttp.ADMIN_TOKEN, head);
				EventTailClient three = EventTailClient.policyEvents(secondPort, GraphQlHttp.ADMIN_TOKEN, head)) {
			Thread.sleep(300);
			long readsBefore = secondHub.reads().get("policy");
			String id = "fan-out-" + UUID.randomUUID();
			new GraphQlHttp(port).post(GraphQlHttp.ADMIN_TOKEN,
					"mutation($id: ID!) { createWorld(input: {id: $id, name: \"Fan\"}) { world { id } } }",
					Map.of("id", id));

			for (EventTailClient subscriber : new EventTailClient[] { one, two, three }) {
				assertThat(subscriber.next(1, WAIT).getFirst()).containsEntry("subjectId", id);
			}
			long reads = secondHub.reads().get("policy") - readsBefore;
			assertThat(reads).as("reads of the policy log for one bell, with three subscribers").isEqualTo(1);
		}
	}
}
