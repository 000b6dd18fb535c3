package dev.steward.app.graphql.server;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Puts the limits of {@link GraphQlServerProperties} in place. Interceptors check what needs no parsing (size,
 * time) for HTTP and WebSocket alike; graphql-java instrumentations check the parsed document (aliases before
 * validation, depth and cost before execution).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlServerProperties.class)
class GraphQlServerConfiguration {

	@Bean
	@Order(0)
	WebGraphQlInterceptor documentSizeLimit(GraphQlServerProperties properties) {
		return new DocumentSizeLimit(properties.maxDocumentSize());
	}

	@Bean
	@Order(1)
	WebGraphQlInterceptor requestTimeout(GraphQlServerProperties properties) {
		return new RequestTimeout(properties.timeout());
	}

	@Bean
	@Order(0)
	Instrumentation aliasLimit(GraphQlServerProperties properties) {
		return new AliasLimit(properties.maxAliases());
	}

	@Bean
	@Order(1)
	Instrumentation depthLimit(GraphQlServerProperties properties) {
		return new DepthLimit(properties.maxDepth());
	}

	@Bean
	@Order(2)
	Instrumentation costLimit(GraphQlServerProperties properties) {
		return new CostLimit(properties.maxCost());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "steward.graphql.introspection", havingValue = false)
	Instrumentation introspectionOff() {
		return new IntrospectionOff();
	}
}
