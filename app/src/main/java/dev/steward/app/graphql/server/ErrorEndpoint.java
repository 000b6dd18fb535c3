package dev.steward.app.graphql.server;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the servlet container sends a request that failed outside a handler's own answer. It answers with the
 * failure's status and a GraphQL-shaped error (no HTML page, no exception message, no stack trace). Requested
 * directly, {@code /error} is not an endpoint: 404.
 */
@RestController
class ErrorEndpoint implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
				? HttpStatus.resolve(code)
				: null;
		if (status == null || !(status.is4xxClientError() || status.is5xxServerError())) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_JSON)
				.body(TransportError.body("NOT_FOUND", HttpStatus.NOT_FOUND, "There is nothing here."));
		}
		String code = status.is5xxServerError() ? "INTERNAL" : status.name();
		String message = status.is5xxServerError() ? "Internal error; the server log has the details."
				: status.getReasonPhrase() + ".";
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(TransportError.body(code, status, message));
	}
}
