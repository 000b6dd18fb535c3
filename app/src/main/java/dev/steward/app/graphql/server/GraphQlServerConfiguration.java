package dev.steward.app.graphql.server;

import dev.steward.app.events.SubscriberBuffer;
import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.BearerTokens;
import graphql.execution.instrumentation.Instrumentation;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the limits of {@link GraphQlServerProperties} and {@link SubscriptionProperties} in place, gates every HTTP
 * request to the endpoint and holds graphql-ws to its protocol. Interceptors check what needs no parsing (size,
 * time, operations per connection) for every transport; graphql-java instrumentations check the parsed document
 * (text, aliases, fragments and selections before validation, depth and cost before execution).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ GraphQlServerProperties.class, SubscriptionProperties.class })
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
	@Order(3)
	Instrumentation documentShapeLimit(GraphQlServerProperties properties) {
		return new DocumentShapeLimit(properties.maxFragments(), properties.maxSelections());
	}

	/** Each distinct document is parsed and validated once; see {@link DocumentCache}. */
	@Bean
	DocumentCache documentCache(GraphQlServerProperties properties) {
		return new DocumentCache(properties.documentCacheChars());
	}

	@Bean
	GraphQlSourceBuilderCustomizer documentCacheInstaller(DocumentCache cache) {
		return builder -> {
			if (cache.enabled()) {
				builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
			}
		};
	}

	@Bean
	@Order(-1)
	Instrumentation textGuard() {
		return new TextGuard();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "steward.graphql.introspection", havingValue = false)
	Instrumentation introspectionOff() {
		return new IntrospectionOff();
	}

	/** Outside every other interceptor but authentication, so that it shapes every response. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	WebGraphQlInterceptor errorCodes() {
		return new ErrorCodes();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	OperationLimits operationLimits(SubscriptionProperties subscriptions, WebSocketConnections connections) {
		return new OperationLimits(subscriptions.maxPerConnection(), subscriptions.maxPerToken(), connections);
	}

	/**
	 * Innermost: identical subscriptions share one execution per event; see {@link SubscriptionGroups}. Its buffer
	 * per subscriber is the one every subscription has ({@code buffer-events}, {@code buffer-bytes}).
	 */
	@Bean
	@Order(2)
	SubscriptionGroups subscriptionGroups(SubscriptionProperties subscriptions, JsonMapper json) {
		return new SubscriptionGroups(
				new SubscriberBuffer(subscriptions.bufferEvents(), subscriptions.bufferBytes().toBytes()), json);
	}

	@Bean
	SubscriptionExecutions subscriptionExecutions(MeterRegistry meters) {
		return new SubscriptionExecutions(meters);
	}

	@Bean
	WebSocketConnections webSocketConnections(MeterRegistry meters) {
		return new WebSocketConnections(meters);
	}

	@Bean
	RevokedTokenBell revokedTokenBell(WebSocketConnections connections, BearerTokens tokens, ApiTokens apiTokens) {
		return new RevokedTokenBell(connections, tokens, apiTokens);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	WebGraphQlInterceptor revokedTokenGuard(BearerTokens tokens, WebSocketConnections connections) {
		return new RevokedTokenGuard(tokens, connections);
	}

	/** Replaces Spring Boot's graphql-ws handler with one held to the protocol. */
	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties graphQl,
			JsonMapper json, WebSocketConnections connections, OperationLimits operations,
			SubscriptionProperties subscriptions, BearerTokens tokens) {
		return new GraphQlWebSocketGuard(handler, new FrameConverter(new JacksonJsonHttpMessageConverter(json), json),
				graphQl.getWebsocket().getConnectionInitTimeout(), graphQl.getWebsocket().getKeepAlive(), json,
				connections, operations, subscriptions.writeTimeout(), tokens);
	}

	/** Without compression, a WebSocket handshake agrees to no extension, whatever the client offers. */
	@Bean
	FilterRegistrationBean<WebSocketExtensionsFilter> webSocketExtensionsFilter(SubscriptionProperties subscriptions) {
		FilterRegistrationBean<WebSocketExtensionsFilter> registration = new FilterRegistrationBean<>(
				new WebSocketExtensionsFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setEnabled(!subscriptions.compression());
		return registration;
	}

	/** Ahead of every other filter, security included: a wildcard Content-Type would fail routing with a 500. */
	@Bean
	FilterRegistrationBean<ContentTypeFilter> contentTypeFilter(JsonMapper json) {
		FilterRegistrationBean<ContentTypeFilter> registration = new FilterRegistrationBean<>(new ContentTypeFilter(json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * Tomcat's refusals of requests no servlet sees (an undecodable URI) answer JSON rather than an HTML page, and a
	 * graphql-ws message has room for a document within its limit plus its variables.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatEdge(GraphQlServerProperties properties) {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
			}
			context.addParameter("org.apache.tomcat.websocket.textBufferSize",
					String.valueOf(properties.maxMessageSize()));
			context.addParameter("org.apache.tomcat.websocket.binaryBufferSize", "1024");
		});
	}

	/**
	 * Ahead of Spring Boot's GraphQL routes: every HTTP request to the endpoint or under it, except the WebSocket
	 * upgrade, passes the gate.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlHttpGate(GraphQlHttpHandler postHandler, JsonMapper json,
			GraphQlProperties graphQl, GraphQlServerProperties properties) {
		HttpGetHandler getHandler = new HttpGetHandler(postHandler, json, properties.maxDocumentSize());
		HttpGate gate = new HttpGate(graphQl.getHttp().getPath(), postHandler, getHandler, json,
				properties.maxRequestSize());
		return RouterFunctions.route(gate::covers, gate::handle);
	}
}
