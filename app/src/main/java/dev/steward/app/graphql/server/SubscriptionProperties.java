package dev.steward.app.graphql.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code steward.graphql.subscriptions}, each also an environment variable such as
 * {@code STEWARD_GRAPHQL_SUBSCRIPTIONS_MAX_PER_CONNECTION}.
 *
 * @param maxPerConnection the most operations one graphql-ws connection may run at once
 * @param maxPerToken the most operations the connections of one token may run at once, on one instance
 * @param bufferEvents the most events that may wait for one subscriber before it counts as fallen behind
 * @param bufferBytes about how many bytes of events may wait for one subscriber before it counts as fallen behind
 * @param writeTimeout how long writing one message to a client that reads nothing may take before its subscriber
 * counts as fallen behind
 * @param compression whether a graphql-ws connection may use the WebSocket compression a client offers
 * ({@code permessage-deflate}); off by default, since deflating every small event frame costs the server more
 * CPU than the bytes it saves on the networks Steward serves
 */
@ConfigurationProperties("steward.graphql.subscriptions")
record SubscriptionProperties(@DefaultValue("100") int maxPerConnection, @DefaultValue("500") int maxPerToken,
		@DefaultValue("1000") int bufferEvents, @DefaultValue("4MB") DataSize bufferBytes,
		@DefaultValue("20s") Duration writeTimeout, @DefaultValue("false") boolean compression) {

	SubscriptionProperties {
		if (maxPerConnection < 1 || maxPerToken < 1) {
			throw new IllegalArgumentException(
					"steward.graphql.subscriptions.max-per-connection and max-per-token must be positive");
		}
	}
}
