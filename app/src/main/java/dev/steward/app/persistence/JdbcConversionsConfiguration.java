package dev.steward.app.persistence;

import dev.steward.policy.infrastructure.PolicyJdbcConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;

/** The JDBC conversions of every context, in the one mapping context they share. */
@Configuration(proxyBeanMethods = false)
class JdbcConversionsConfiguration {

	@Bean
	JdbcCustomConversions jdbcCustomConversions() {
		return new JdbcCustomConversions(PolicyJdbcConverters.all());
	}
}
