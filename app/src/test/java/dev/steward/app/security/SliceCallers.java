package dev.steward.app.security;

import java.util.List;
import org.mockito.Mockito;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The callers of a GraphQL slice test. Each request goes through the app's own principal plumbing
 * ({@link GraphQlAuthentication}) and method security, as it does over HTTP; only the bearer token filter is stood
 * in for: the token of a slice caller is {@code <name>:<role>}, and stands for that principal.
 */
public final class SliceCallers {

	private final WebGraphQlTester tester;

	SliceCallers(ExecutionGraphQlService service) {
		GraphQlAuthentication authentication = new GraphQlAuthentication(Mockito.mock(BearerTokens.class));
		WebGraphQlHandler handler = WebGraphQlHandler.builder(service)
			.interceptors(List.of(new BearerTokenFilterStandIn(), authentication))
			.build();
		this.tester = WebGraphQlTester.create(handler);
	}

	/** A caller of this name and role: the name is the actor of whatever it changes. */
	public GraphQlTester as(String name, Role role) {
		return tester.mutate().header(HttpHeaders.AUTHORIZATION, "Bearer " + name + ":" + role.code()).build();
	}

	/** A caller that sent no token. */
	public GraphQlTester anonymous() {
		return tester;
	}

	/**
	 * What the bearer token filter does over HTTP: the token's principal becomes the security context of the
	 * request, where {@link GraphQlAuthentication} and method security find it.
	 */
	private static final class BearerTokenFilterStandIn implements WebGraphQlInterceptor {

		@Override
		public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
			String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			if (header == null) {
				return chain.next(request);
			}
			String token = header.substring("Bearer ".length());
			int colon = token.lastIndexOf(':');
			StewardPrincipal principal = new StewardPrincipal(token.substring(0, colon),
					Role.of(token.substring(colon + 1)));
			SecurityContext security = SecurityContextHolder.createEmptyContext();
			security.setAuthentication(SecurityConfiguration.authentication(principal, token));
			return Mono.defer(() -> {
				SecurityContextHolder.setContext(security);
				return chain.next(request);
			})
				.contextWrite(Context.of(SecurityContext.class.getName(), security))
				.doFinally(signal -> SecurityContextHolder.clearContext());
		}
	}
}
