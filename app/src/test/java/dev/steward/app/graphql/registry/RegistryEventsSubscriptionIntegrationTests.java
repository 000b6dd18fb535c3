package dev.steward.app.graphql.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import dev.steward.kernel.events.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** The registry log over graphql-ws: replay after a cursor, then live, keeping only the asked types. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RegistryEventsSubscriptionIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(15);

	static final String SUBSCRIPTION = """
			subscription($after: Long, $types: [String!]) {
			  registryEvents(after: $after, types: $types) { sequence type subjectKind subjectId actor payloadCbor }
			}""";

	static final String CREATE = """
			mutation($producer: String!) { createPackage(input: { name: "sub", producer: $producer, subject: "s",
			  retentionClass: "standard" }) { package { id } } }""";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("registryEventLog")
	EventLog log;

	@Test
	void replaysAfterTheCursorThenFollowsLiveKeepingOnlyTheAskedTypes() throws Exception {
		GraphQlHttp graphql = new GraphQlHttp(port);
		long head = log.head();
		Response before = graphql.post(GraphQlHttp.ADMIN_TOKEN, CREATE, Map.of("producer", "sub-" + UUID.randomUUID()));
		String first = before.data().path("createPackage").path("package").path("id").asString();
		BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
		WebSocketGraphQlClient client = WebSocketGraphQlClient
			.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + GraphQlHttp.ADMIN_TOKEN));
				}
			})
			.build();
		Disposable subscription = client.document(SUBSCRIPTION)
			.variable("after", head)
			.variable("types", List.of("v1.package.created", "v1.package.finalized"))
			.executeSubscription()
			.map(response -> response.field("registryEvents").<Map<String, Object>>getValue())
			.subscribe(received::add);
		try {
			Map<String, Object> replayed = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			graphql.post(GraphQlHttp.ADMIN_TOKEN,
					"mutation($id: ID!) { finalizePackage(input: { id: $id }) { package { status } } }",
					Map.of("id", first));
			Map<String, Object> live = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);

			assertThat(replayed).containsEntry("type", "v1.package.created").containsEntry("subjectId", first);
			assertThat(((Number) replayed.get("sequence")).longValue()).isGreaterThan(head);
			assertThat(live).containsEntry("type", "v1.package.finalized")
				.containsEntry("subjectId", first)
				.containsEntry("actor", "bootstrap");
		}
		finally {
			subscription.dispose();
			client.stop().block(Duration.ofSeconds(5));
		}
	}
}
