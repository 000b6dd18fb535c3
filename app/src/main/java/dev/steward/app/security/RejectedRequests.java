package dev.steward.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What a caller gets when the firewall refuses a request before anything else sees it (an encoded slash, a
 * backslash, {@code ..}, a NUL or another character no path may hold): 400 with a stable code, never an empty or
 * HTML page. A file path in an upload URL is refused as {@code INVALID_RELATIVE_PATH}, as the registry refuses one
 * it checks itself; anything else as {@code INVALID_ARGUMENT}. GraphQL's endpoint answers in GraphQL's error shape,
 * the byte endpoints in theirs.
 */
final class RejectedRequests implements RequestRejectedHandler {

	private static final Pattern UPLOAD = Pattern.compile("^/registry/packages/[^/]+/files/.*", Pattern.DOTALL);

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		String path = request.getRequestURI() == null ? "" : request.getRequestURI();
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		if (path.equals("/graphql")) {
			response.getWriter()
				.write("{\"errors\":[{\"message\":\"The request's URL is not acceptable.\",\"extensions\":"
						+ "{\"code\":\"INVALID_ARGUMENT\",\"classification\":\"ValidationError\"}}]}");
		}
		else if (UPLOAD.matcher(path).matches()) {
			response.getWriter()
				.write("{\"code\":\"INVALID_RELATIVE_PATH\",\"message\":\"A file's relative path may not hold an encoded "
						+ "slash, a backslash, '.' or '..' segments, an empty segment, NUL or control characters.\"}");
		}
		else {
			response.getWriter()
				.write("{\"code\":\"INVALID_ARGUMENT\",\"message\":\"The request's URL is not acceptable.\"}");
		}
	}
}
