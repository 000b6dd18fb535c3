package dev.steward.app.events;

import com.zaxxer.hikari.HikariDataSource;
import dev.steward.policy.PolicyEventLog;
import dev.steward.policy.PolicyLogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires each context's log into the hub, and the hub to this instance's doorbell. */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

	@Bean
	EventTail<PolicyLogEntry> policyEventTail(PolicyEventLog log) {
		return new EventTail<>() {

			@Override
			public String context() {
				return "policy";
			}

			@Override
			public List<PolicyLogEntry> after(long sequence, int limit) {
				return log.after(sequence, limit);
			}

			@Override
			public List<PolicyLogEntry> between(long after, long upTo) {
				return log.between(after, upTo);
			}

			@Override
			public long head() {
				return log.head();
			}

			@Override
			public long sequenceOf(PolicyLogEntry entry) {
				return entry.sequence();
			}

			@Override
			public Instant createdAtOf(PolicyLogEntry entry) {
				return entry.createdAt();
			}
		};
	}

	@Bean
	EventHub eventHub(List<EventTail<?>> tails, @Value("${steward.events.page-size:500}") int pageSize) {
		return new EventHub(tails, pageSize);
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
	EventActivity eventActivity(List<EventTail<?>> tails) {
		return new EventActivity(tails);
	}
}
