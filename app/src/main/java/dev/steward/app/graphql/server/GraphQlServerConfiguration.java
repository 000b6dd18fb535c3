package dev.steward.app.graphql.server;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the limits of {@link GraphQlServerProperties} in place and adds queries over HTTP GET. Interceptors check
 * what needs no parsing (size, time) for every transport; graphql-java instrumentations check the parsed document
 * (aliases before validation, depth and cost before execution).
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

	/** Ahead of Spring Boot's GraphQL routes, which answer every GET on the endpoint with 405. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlHttpGet(GraphQlHttpHandler postHandler, JsonMapper json,
			GraphQlProperties graphQl, GraphQlServerProperties properties) {
		HttpGetHandler handler = new HttpGetHandler(postHandler, json, properties.maxDocumentSize());
		return RouterFunctions.route()
			.GET(graphQl.getHttp().getPath(), request -> !HttpGetHandler.isWebSocketUpgrade(request), handler::handle)
			.build();
	}
}
