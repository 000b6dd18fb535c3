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
 * otherwise fail on it while routing, with a 500, whatever the path. A file upload's is refused with 400
 * {@code INVALID_MEDIA_TYPE}, as the registry refuses the media types it checks itself.
 */
class ContentTypeFilter extends OncePerRequestFilter {

	private static final java.util.regex.Pattern UPLOAD = java.util.regex.Pattern
		.compile("^/registry/packages/[^/]+/files/.*", java.util.regex.Pattern.DOTALL);

	private final JsonMapper json;

	ContentTypeFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		if (contentType != null && !contentType.isBlank() && !isMediaType(contentType)
				&& UPLOAD.matcher(request.getRequestURI()).matches()) {
			// an upload's Content-Type is the file's media type: refused as the registry refuses one it checks itself
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream()
				.write(json.writeValueAsBytes(java.util.Map.of("code", "INVALID_MEDIA_TYPE", "message",
						"The Content-Type of an upload is the file's media type, type/subtype with optional parameters;"
								+ " this one is not.")));
			return;
		}
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
