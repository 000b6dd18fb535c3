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
			@Value("${steward.events.poll-interval:2s}") Duration pollInterval) {
		return new Doorbell(dataSource, hub, pollInterval);
	}

	@Bean
	EventStreams eventStreams(EventHub hub) {
		return new EventStreams(hub);
	}

	@Bean
	EventActivity eventActivity(EventHub hub) {
		return new EventActivity(hub.tails());
	}
}
