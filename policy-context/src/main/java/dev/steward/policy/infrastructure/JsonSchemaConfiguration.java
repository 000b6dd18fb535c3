package dev.steward.policy.infrastructure;

import dev.steward.policy.domain.JsonSchemaCheck;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** How the policy context checks JSON Schemas and content against them. */
@Configuration(proxyBeanMethods = false)
public class JsonSchemaConfiguration {

	@Bean
	JsonSchemaCheck jsonSchemaCheck() {
		return new NetworkntJsonSchemaCheck(Json.MAPPER);
	}
}
