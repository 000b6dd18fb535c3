package dev.steward.app.graphql.server;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every HTTP request to the GraphQL endpoint or a path under it passes here first, so that no client mistake
 * reaches Spring's handler as something it would answer with a 5xx: only {@code GET} and {@code POST} of the
 * endpoint itself are served; a POST must be {@code application/json} in UTF-8, no larger than the limit, and hold
 * a JSON object with a {@code query} string, and {@code operationName}, {@code variables} and {@code extensions} of
 * the right JSON types when present. Every refusal is a 4xx with a GraphQL-shaped error and a code.
 */
class HttpGate {

	private static final Set<String> JSON_SUBTYPES = Set.of("json", "graphql+json");

	private final String path;

	private final GraphQlHttpHandler postHandler;

	private final HttpGetHandler getHandler;

	private final JsonMapper json;

	private final int maxRequestSize;

	HttpGate(String path, GraphQlHttpHandler postHandler, HttpGetHandler getHandler, JsonMapper json,
			int maxRequestSize) {
		this.path = path;
		this.postHandler = postHandler;
		this.getHandler = getHandler;
		this.json = json;
		this.maxRequestSize = maxRequestSize;
	}

	/** Whether the request is for the endpoint or a path under it, and not a WebSocket upgrade. */
	boolean covers(ServerRequest request) {
		String requested = request.requestPath().pathWithinApplication().value();
		return (requested.equals(path) || requested.startsWith(path + "/"))
				&& !HttpGetHandler.isWebSocketUpgrade(request);
	}

	ServerResponse handle(ServerRequest request) throws ServletException {
		if (!request.requestPath().pathWithinApplication().value().equals(path)) {
			return TransportError.NOT_FOUND.response("There is nothing here; GraphQL is served at " + path + ".");
		}
		HttpMethod method = request.method();
		if (HttpMethod.GET.equals(method)) {
			try {
				return getHandler.handle(request);
			}
			catch (InvalidParameterException ex) {
				return TransportError.INVALID_ARGUMENT.response("The query string is not valid percent-encoded UTF-8.");
			}
		}
		if (!HttpMethod.POST.equals(method)) {
			return TransportError.METHOD_NOT_ALLOWED
				.response("GraphQL is served with GET (queries) and POST, not " + method.name() + ".");
		}
		return post(request);
	}

	private ServerResponse post(ServerRequest request) throws ServletException {
		String contentType = request.headers().firstHeader(HttpHeaders.CONTENT_TYPE);
		if (!isJson(contentType)) {
			return TransportError.UNSUPPORTED_MEDIA_TYPE
				.response("Send the request as application/json (UTF-8), not " + describe(contentType) + ".");
		}
		byte[] body;
		try {
			body = readAtMost(request.servletRequest().getInputStream(), maxRequestSize);
		}
		catch (IOException ex) {
			return TransportError.BAD_REQUEST.response("The request body could not be read.");
		}
		if (body == null) {
			return TransportError.REQUEST_TOO_LARGE
				.response("The request body is larger than the limit of " + maxRequestSize + " bytes.");
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return TransportError.INVALID_ARGUMENT.response("The request body is not valid UTF-8.");
		}
		String problem = problemWith(text);
		if (problem != null) {
			return TransportError.BAD_REQUEST.response(problem);
		}
		ServerRequest forwarded = ServerRequest.from(request).headers(headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setAccept(List.of(HttpGetHandler.responseType(request.headers())));
		}).body(body).build();
		return postHandler.handleRequest(forwarded);
	}

	/** What makes the body something other than a GraphQL request, or null when it is one. */
	private @Nullable String problemWith(String text) {
		JsonNode body;
		try {
			body = json.readTree(text);
		}
		catch (JacksonException ex) {
			return "The request body is not JSON.";
		}
		if (body == null || !body.isObject()) {
			return "The request body must be a JSON object with a query.";
		}
		JsonNode query = body.get("query");
		if (query == null || !query.isString() || query.asString().isBlank()) {
			return "The request body must have a query: a non-empty string.";
		}
		JsonNode operationName = body.get("operationName");
		if (operationName != null && !operationName.isNull() && !operationName.isString()) {
			return "operationName must be a string or null.";
		}
		for (String member : List.of("variables", "extensions")) {
			JsonNode value = body.get(member);
			if (value != null && !value.isNull() && !value.isObject()) {
				return member + " must be a JSON object or null.";
			}
		}
		return null;
	}

	private static boolean isJson(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return false;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		if (type.isWildcardType() || type.isWildcardSubtype() || !"application".equals(type.getType())
				|| !JSON_SUBTYPES.contains(type.getSubtype().toLowerCase(Locale.ROOT))) {
			return false;
		}
		String charset = type.getParameter("charset");
		return charset == null || charset.replace("\"", "").equalsIgnoreCase("utf-8");
	}

	private static String describe(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return "without a Content-Type";
		}
		String shown = contentType.length() > 60 ? contentType.substring(0, 60) + "…" : contentType;
		return shown.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? shown : "that Content-Type";
	}

	/** The whole stream, or null when it holds more than {@code limit} bytes. */
	private static byte @Nullable [] readAtMost(InputStream in, int limit) throws IOException {
		byte[] bytes = in.readNBytes(limit + 1);
		return bytes.length > limit ? null : bytes;
	}
}
