package dev.steward.app.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The dashboard at {@value #PATH}: one HTML page, its script and its style sheet, all served from the classpath,
 * so that it needs no internet access. The page asks for a bearer token, keeps it in the browser session only
 * and talks to {@code /graphql} like any other client: queries and mutations over HTTP, live views over
 * graphql-ws. Loading the page needs no token; everything it shows does.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardPage {

	public static final String PATH = "/dashboard";

	/** What must be reachable without a token: the page and its assets. */
	public static final String[] PUBLIC_PATHS = { PATH, PATH + "/*" };

	/** Only this server's own scripts, styles and connections; no inline code, no framing. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; connect-src 'self'; "
			+ "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	RouterFunction<ServerResponse> dashboardPageRoutes() {
		return RouterFunctions.route()
			.GET(PATH, request -> asset("dashboard.html", MediaType.TEXT_HTML))
			.GET(PATH + "/dashboard.js", request -> asset("dashboard.js", MediaType.parseMediaType("text/javascript")))
			.GET(PATH + "/dashboard.css", request -> asset("dashboard.css", MediaType.parseMediaType("text/css")))
			.build();
	}

	private static ServerResponse asset(String name, MediaType type) {
		Resource resource = new ClassPathResource(name, DashboardPage.class);
		return ServerResponse.ok()
			.contentType(type)
			.cacheControl(CacheControl.noCache())
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.header("X-Content-Type-Options", "nosniff")
			.header("Referrer-Policy", "no-referrer")
			.body(resource);
	}
}
