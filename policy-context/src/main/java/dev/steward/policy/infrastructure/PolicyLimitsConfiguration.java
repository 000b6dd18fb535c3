package dev.steward.policy.infrastructure;

import dev.steward.policy.domain.ContentLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits on variant content: {@code steward.policy.max-content-bytes} (canonical CBOR bytes, 1 MiB unless set)
 * and {@code steward.policy.max-content-depth} (32 unless set).
 */
@Configuration(proxyBeanMethods = false)
class PolicyLimitsConfiguration {

	@Bean
	ContentLimits policyContentLimits(
			@Value("${steward.policy.max-content-bytes:" + ContentLimits.DEFAULT_MAX_BYTES + "}") int maxBytes,
			@Value("${steward.policy.max-content-depth:" + ContentLimits.DEFAULT_MAX_DEPTH + "}") int maxDepth) {
		return new ContentLimits(maxBytes, maxDepth);
	}
}
