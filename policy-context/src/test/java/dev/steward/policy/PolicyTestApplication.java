package dev.steward.policy;

import dev.steward.policy.infrastructure.PolicyJdbcConverters;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;

/** The policy context on its own, as its integration tests start it. */
@SpringBootApplication
class PolicyTestApplication {

	@Bean
	JdbcCustomConversions jdbcCustomConversions() {
		return new JdbcCustomConversions(PolicyJdbcConverters.all());
	}
}
