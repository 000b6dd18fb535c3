package dev.steward.app.events;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Wires each context's log into the hub, and the hub to this instance's doorbell. */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

	/** Every context's log as a tail of the hub: a new context's log is fanned out with no code here. */
	static EventTail<LogEntry> tailOf(EventLog log) {
		return new EventTail<>() {

			@Override
			public String context() {
				return log.context();
			}

			@Override
			public List<LogEntry> after(long sequence, int limit) {
				return log.after(sequence, limit);
			}

			@Override
			public List<LogEntry> between(long after, long upTo) {
				return log.between(after, upTo);
			}

			@Override
			public long head() {
				return log.head();
			}

			@Override
			public long sequenceOf(LogEntry entry) {
				return entry.sequence();
			}

			@Override
			public long sizeOf(LogEntry entry) {
				return 256 + 2L * (entry.type().length() + entry.subjectKind().length() + entry.subjectId().length()
						+ entry.actor().length() + entry.payloadDigest().length() + entry.chainHash().length())
						+ entry.payloadCbor().length;
			}

			@Override
			public Instant createdAtOf(LogEntry entry) {
				return entry.createdAt();
			}
		};
	}

	@Bean
	EventHub eventHub(List<EventLog> logs, @Value("${steward.events.page-size:500}") int pageSize) {
		return new EventHub(logs.stream().<EventTail<?>>map(EventConfiguration::tailOf).toList(), pageSize);
	}

	@Bean
	Doorbell doorbell(HikariDataSource dataSource, EventHub hub,
			@Value("${steward.events.poll-interval:2s}") Duration pollInterval, List<DoorbellSignal> signals) {
		return new Doorbell(dataSource, hub, pollInterval, signals);
	}

	@Bean
	EventStreams eventStreams(EventHub hub,
			@Value("${steward.graphql.subscriptions.buffer-events:1000}") int bufferEvents,
			@Value("${steward.graphql.subscriptions.buffer-bytes:4MB}") DataSize bufferBytes) {
		return new EventStreams(hub, new SubscriberBuffer(bufferEvents, bufferBytes.toBytes()));
	}

	@Bean
	EventActivity eventActivity(EventHub hub) {
		return new EventActivity(hub.tails());
	}
}
