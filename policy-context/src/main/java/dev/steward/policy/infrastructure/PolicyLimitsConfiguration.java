package dev.steward.policy.infrastructure;

import dev.steward.policy.domain.ContentLimits;
import dev.steward.policy.domain.JsonSchemaCheck;
import dev.steward.policy.domain.PolicyValidator;
import dev.steward.policy.domain.VariantLookup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy context's domain services, and the limits on variant content: {@code steward.policy.max-content-bytes} (canonical CBOR bytes, 1 MiB unless set)
 * and {@code steward.policy.max-content-depth} (32 unless set).
 */
@Configuration(proxyBeanMethods = false)
class PolicyLimitsConfiguration {

	/** The one validator, which judges each draft against the catalog of types as it is at that moment. */
	@Bean
	PolicyValidator policyValidator(VariantLookup variants, JsonSchemaCheck schemaCheck) {
		return new PolicyValidator(variants, schemaCheck);
	}

	@Bean
	ContentLimits policyContentLimits(
			@Value("${steward.policy.max-content-bytes:" + ContentLimits.DEFAULT_MAX_BYTES + "}") int maxBytes,
			@Value("${steward.policy.max-content-depth:" + ContentLimits.DEFAULT_MAX_DEPTH + "}") int maxDepth) {
		return new ContentLimits(maxBytes, maxDepth);
	}
}
