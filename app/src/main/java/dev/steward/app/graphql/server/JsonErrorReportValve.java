package dev.steward.app.graphql.server;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error report, for the requests it refuses before any servlet sees them (a URI it cannot decode,
 * such as one with an encoded NUL): a GraphQL-shaped JSON error instead of an HTML page, with no server details.
 */
public class JsonErrorReportValve extends ErrorReportValve {

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
		String code = status >= 500 ? "INTERNAL" : status == 404 ? "NOT_FOUND" : "BAD_REQUEST";
		String classification = status >= 500 ? "INTERNAL_ERROR" : status == 404 ? "NOT_FOUND" : "BAD_REQUEST";
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"errors\":[{\"message\":\"The server refused the request (HTTP " + status
						+ ").\",\"extensions\":{\"code\":\"" + code + "\",\"classification\":\"" + classification
						+ "\"}}]}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone; nothing more to say
		}
	}
}
