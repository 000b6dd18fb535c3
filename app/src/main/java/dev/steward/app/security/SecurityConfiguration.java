package dev.steward.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every request carries a bearer token, except the health probes, the metrics, the GraphiQL and dashboard
 * pages (which ask the user for a token and send it with every request they make) and the WebSocket upgrade (whose
 * token travels in the graphql-ws {@code connection_init} message). A refusal (401, 403) has a GraphQL-shaped body
 * with the code {@code UNAUTHENTICATED} or {@code FORBIDDEN}. Which role an operation needs is declared on the
 * operation itself ({@link RequiresRole}) and checked by method security, over HTTP and WebSocket alike.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
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
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(SecurityConfiguration::forbidden))
			.oauth2ResourceServer(resourceServer -> resourceServer
				.authenticationEntryPoint(SecurityConfiguration::unauthenticated)
				.accessDeniedHandler(SecurityConfiguration::forbidden)
				.opaqueToken(opaque -> opaque.introspector(introspector)));
		return http.build();
	}

	/** A request the firewall refuses gets 400 with a stable code ({@link RejectedRequests}). */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new RejectedRequests();
	}

	/**
	 * Spring Security observes nothing itself: wrapping each of its filters, each authentication and each
	 * authorization in an observation cost more than the token check; every request is still measured as
	 * {@code http.server.requests}.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** 401 with the bearer challenge and a GraphQL-shaped body, whatever the path. */
	private static void unauthenticated(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		new BearerTokenAuthenticationEntryPoint().commence(request, response, ex);
		writeError(response, "UNAUTHENTICATED", "UNAUTHORIZED",
				"A valid bearer token is required: send Authorization: Bearer <token>.");
	}

	private static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		new BearerTokenAccessDeniedHandler().handle(request, response, ex);
		writeError(response, "FORBIDDEN", "FORBIDDEN", "The token's role does not allow this request.");
	}

	private static void writeError(HttpServletResponse response, String code, String classification, String message)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code
					+ "\",\"classification\":\"" + classification + "\"}}]}");
	}

	@Bean
	OpaqueTokenIntrospector stewardTokenIntrospector(BearerTokens tokens) {
		return token -> tokens.authenticate(token)
			.map(SecurityConfiguration::authenticatedPrincipal)
			.orElseThrow(() -> new BadOpaqueTokenException("Unknown, revoked or malformed bearer token"));
	}

	/** Each role includes the ones before it in {@link Role}: admin > operator > author > viewer. */
	@Bean
	static RoleHierarchy roleHierarchy() {
		RoleHierarchyImpl.Builder hierarchy = RoleHierarchyImpl.withDefaultRolePrefix();
		Role[] roles = Role.values();
		for (int i = roles.length - 1; i > 0; i--) {
			hierarchy.role(roles[i].name()).implies(roles[i - 1].name());
		}
		return hierarchy.build();
	}

	/** Lets {@link RequiresRole} fill its role into {@code hasRole('{value}')}. */
	@Bean
	static AnnotationTemplateExpressionDefaults annotationTemplateExpressionDefaults() {
		return new AnnotationTemplateExpressionDefaults();
	}

	/** The authentication a graphql-ws connection's token stands for, as the HTTP filter would have made it. */
	static BearerTokenAuthentication authentication(StewardPrincipal principal, String token) {
		OAuth2AuthenticatedPrincipal authenticated = authenticatedPrincipal(principal);
		return new BearerTokenAuthentication(authenticated,
				new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, null, null),
				authenticated.getAuthorities());
	}

	private static OAuth2AuthenticatedPrincipal authenticatedPrincipal(StewardPrincipal principal) {
		return new DefaultOAuth2AuthenticatedPrincipal(principal.name(), Map.of(PRINCIPAL_ATTRIBUTE, principal),
				List.of(new SimpleGrantedAuthority(principal.role().authority())));
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
