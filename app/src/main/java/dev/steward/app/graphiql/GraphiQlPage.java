package dev.steward.app.graphiql;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * GraphiQL at {@value #PATH}, built from the GraphiQL and React WebJars that Spring Boot serves under
 * {@code /webjars/}, so that nothing is loaded from the internet (Spring's own GraphiQL page uses a CDN). The page
 * queries {@code /graphql} over HTTP and subscribes over WebSocket at the same path; the user pastes a bearer token
 * into its headers editor. Switched off with {@code steward.graphql.graphiql-enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "steward.graphql.graphiql-enabled", matchIfMissing = true)
public class GraphiQlPage {

	public static final String PATH = "/graphiql";

	/** The page's own script, kept out of the HTML so that a content security policy need not allow inline code. */
	public static final String SCRIPT_PATH = PATH + "/graphiql.js";

	/** What must be reachable without a token: the page, its script and the WebJar assets it loads. */
	public static final String[] PUBLIC_PATHS = { PATH, PATH + "/*", "/webjars/**" };

	@Bean
	RouterFunction<ServerResponse> graphiQlPageRoutes() {
		Resource page = new ClassPathResource("graphiql.html", GraphiQlPage.class);
		Resource script = new ClassPathResource("graphiql.js", GraphiQlPage.class);
		return RouterFunctions.route()
			.GET(PATH, request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).body(page))
			.GET(SCRIPT_PATH,
					request -> ServerResponse.ok().contentType(MediaType.parseMediaType("text/javascript")).body(script))
			.build();
	}
}
