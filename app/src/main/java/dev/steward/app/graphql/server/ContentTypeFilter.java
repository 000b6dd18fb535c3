package dev.steward.app.graphql.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 415 to a request whose {@code Content-Type} is no media type at all: unparseable, or a wildcard such as
 * {@code *}{@code /*} or {@code application/*} (a range, which only {@code Accept} may carry). Spring MVC would
 * otherwise fail on it while routing, with a 500, whatever the path.
 */
class ContentTypeFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	ContentTypeFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && !contentType.isBlank() && !isMediaType(contentType)) {
			response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setHeader("Accept", MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream()
				.write(json.writeValueAsBytes(TransportError.body(TransportError.UNSUPPORTED_MEDIA_TYPE.name(),
						HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						"The Content-Type is not a media type; send application/json.")));
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isMediaType(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}
}
