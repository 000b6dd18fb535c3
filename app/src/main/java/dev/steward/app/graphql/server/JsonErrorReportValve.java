package dev.steward.app.graphql.server;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error report, for the requests it refuses before any servlet sees them (a URI it cannot decode,
 * such as one with an encoded NUL, slash or backslash): a GraphQL-shaped JSON error instead of an HTML page, with no
 * server details. A refused upload URL is answered as the registry answers an unsafe file path, in the byte
 * endpoints' shape with the code {@code INVALID_RELATIVE_PATH}.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	private static final Pattern UPLOAD = Pattern.compile("^/registry/packages/[^/]+/files/.*", Pattern.DOTALL);

	public JsonErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		if (status == 400 && UPLOAD.matcher(rawUri(request)).matches()) {
			write(response, "{\"code\":\"INVALID_RELATIVE_PATH\",\"message\":\"A file's relative path may not hold an "
					+ "encoded slash or backslash, NUL or another character a path cannot carry.\"}");
			return;
		}
		String code = status >= 500 ? "INTERNAL" : status == 404 ? "NOT_FOUND" : "BAD_REQUEST";
		String classification = status >= 500 ? "INTERNAL_ERROR" : status == 404 ? "NOT_FOUND" : "BAD_REQUEST";
		write(response, "{\"errors\":[{\"message\":\"The server refused the request (HTTP " + status
				+ ").\",\"extensions\":{\"code\":\"" + code + "\",\"classification\":\"" + classification + "\"}}]}");
	}

	private static String rawUri(Request request) {
		try {
			String uri = request.getCoyoteRequest().requestURI().toString();
			return uri == null ? "" : uri;
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private static void write(Response response, String json) {
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(json);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone; nothing more to say
		}
	}
}
