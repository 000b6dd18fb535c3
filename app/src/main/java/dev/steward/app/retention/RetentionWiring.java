package dev.steward.app.retention;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock retention judges expiry by: the system's, in UTC. Tests put one of their own, which they move, first. */
@Configuration(proxyBeanMethods = false)
class RetentionWiring {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
