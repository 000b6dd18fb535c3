package dev.steward.app.graphql.server;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Why a request to {@code /graphql} was refused before it reached GraphQL: the HTTP request itself was not one
 * (wrong method, path, media type, body). Answered with a 4xx status and a GraphQL-shaped body whose single error
 * carries the code as {@code extensions.code}.
 */
enum TransportError {

	/** The body is not a JSON object with a {@code query} string and optional well-typed members. */
	BAD_REQUEST(HttpStatus.BAD_REQUEST),
	/** A NUL, an invalid UTF-8 sequence or a lone surrogate where text was expected. */
	INVALID_ARGUMENT(HttpStatus.BAD_REQUEST),
	NOT_FOUND(HttpStatus.NOT_FOUND),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
	REQUEST_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE);

	private final HttpStatus status;

	TransportError(HttpStatus status) {
		this.status = status;
	}

	HttpStatus status() {
		return status;
	}

	ServerResponse response(String message) {
		ServerResponse.BodyBuilder builder = ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON);
		if (this == METHOD_NOT_ALLOWED) {
			builder.allow(HttpMethod.GET, HttpMethod.POST);
		}
		if (this == UNSUPPORTED_MEDIA_TYPE) {
			builder.header("Accept", MediaType.APPLICATION_JSON_VALUE);
		}
		return builder.body(body(name(), status, message));
	}

	/** The GraphQL-shaped body of a refusal: one error, with a code and a classification. */
	static Map<String, Object> body(String code, HttpStatus status, String message) {
		return Map.of("errors", List.of(Map.of("message", message, "extensions",
				Map.of("code", code, "classification", classification(status)))));
	}

	private static String classification(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> "UNAUTHORIZED";
			case FORBIDDEN -> "FORBIDDEN";
			case NOT_FOUND -> "NOT_FOUND";
			default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
		};
	}
}
