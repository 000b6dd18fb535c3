package dev.steward.policy;

import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;

/** The policy context on its own, as its integration tests start it. */
@SpringBootApplication
class PolicyTestApplication {

	@Bean
	JdbcCustomConversions jdbcCustomConversions(List<Converter<?, ?>> policyConverters) {
		return new JdbcCustomConversions(policyConverters);
	}
}
