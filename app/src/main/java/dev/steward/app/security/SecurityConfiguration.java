package dev.steward.app.security;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every request carries a bearer token, except the health probes, the metrics, the GraphiQL and dashboard
 * pages (which ask the user for a token and send it with every request they make) and the WebSocket upgrade (whose token travels in the graphql-ws {@code connection_init} message).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String PRINCIPAL_ATTRIBUTE = "steward_principal";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, OpaqueTokenIntrospector introspector) throws Exception {
		RequestMatcher webSocketUpgrade = request -> HttpMethod.GET.matches(request.getMethod())
				&& "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.requestMatchers("/graphiql", "/graphiql/**", "/webjars/**", "/dashboard", "/dashboard/*", "/error")
				.permitAll()
				.requestMatchers(webSocketUpgrade)
				.permitAll()
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer.opaqueToken(opaque -> opaque.introspector(introspector)));
		return http.build();
	}

	@Bean
	OpaqueTokenIntrospector stewardTokenIntrospector(BearerTokens tokens) {
		return token -> tokens.authenticate(token)
			.map(principal -> new DefaultOAuth2AuthenticatedPrincipal(principal.name(),
					Map.of(PRINCIPAL_ATTRIBUTE, principal),
					List.of(new SimpleGrantedAuthority(principal.role().authority()))))
			.orElseThrow(() -> new BadOpaqueTokenException("Unknown, revoked or malformed bearer token"));
	}

	@Bean
	Flyway accessFlyway(DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas("access")
			.defaultSchema("access")
			.createSchemas(true)
			.table("flyway_schema_history")
			.locations("classpath:db/migration/access")
			.failOnMissingLocations(true)
			.load();
	}

	@Bean
	FlywayMigrationInitializer accessFlywayInitializer(Flyway accessFlyway) {
		return new FlywayMigrationInitializer(accessFlyway);
	}
}
