package dev.steward.app.graphql.server;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.OperationDefinition.Operation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import jakarta.servlet.ServletException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL queries over HTTP GET, as the GraphQL-over-HTTP specification describes: the parameters {@code query},
 * {@code operationName}, {@code variables} and {@code extensions} (both JSON). The request is handed to Spring's POST
 * handler, so it runs through the same interceptors and limits and is answered the same way: as
 * {@code application/graphql-response+json} unless the client accepts only {@code application/json}. A mutation or
 * subscription is refused with 405, since GET must not change anything.
 */
class HttpGetHandler {

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final GraphQlHttpHandler postHandler;

	private final JsonMapper json;

	private final int maxDocumentSize;

	HttpGetHandler(GraphQlHttpHandler postHandler, JsonMapper json, int maxDocumentSize) {
		this.postHandler = postHandler;
		this.json = json;
		this.maxDocumentSize = maxDocumentSize;
	}

	ServerResponse handle(ServerRequest request) throws ServletException {
		String query = request.param("query").orElse("");
		if (query.isBlank()) {
			return badRequest("The query parameter is required.");
		}
		String operationName = request.param("operationName").filter(name -> !name.isEmpty()).orElse(null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", query);
		if (operationName != null) {
			body.put("operationName", operationName);
		}
		for (String parameter : List.of("variables", "extensions")) {
			Optional<String> value = request.param(parameter).filter(text -> !text.isBlank());
			if (value.isPresent()) {
				Map<String, Object> object = jsonObject(value.get());
				if (object == null) {
					return badRequest("The " + parameter + " parameter must be a JSON object.");
				}
				body.put(parameter, object);
			}
		}
		Optional<Operation> operation = operation(query, operationName);
		if (operation.isPresent() && operation.get() != Operation.QUERY) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
				.allow(HttpMethod.POST)
				.contentType(MediaType.APPLICATION_JSON)
				.body(TransportError.body(TransportError.METHOD_NOT_ALLOWED.name(), HttpStatus.METHOD_NOT_ALLOWED,
						"Only queries can be sent with GET; send a "
								+ operation.get().name().toLowerCase(Locale.ROOT) + " with POST."));
		}
		ServerRequest post = ServerRequest.from(request)
			.method(HttpMethod.POST)
			.headers(headers -> {
				headers.setContentType(MediaType.APPLICATION_JSON);
				headers.setAccept(List.of(responseType(request.headers())));
			})
			.body(json.writeValueAsBytes(body))
			.build();
		return postHandler.handleRequest(post);
	}

	private @Nullable Map<String, Object> jsonObject(String text) {
		try {
			return json.readValue(text, JSON_OBJECT);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The kind of operation the request would run, or empty when that is not known yet: the document is too large
	 * or not valid, or names no single operation. Spring's handler then answers with the error.
	 */
	private Optional<Operation> operation(String query, @Nullable String operationName) {
		if (query.length() > maxDocumentSize) {
			return Optional.empty();
		}
		Document document;
		try {
			document = Parser.parse(query);
		}
		catch (InvalidSyntaxException ex) {
			return Optional.empty();
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		return operations.stream()
			.filter(candidate -> operationName == null ? operations.size() == 1
					: operationName.equals(candidate.getName()))
			.findFirst()
			.map(OperationDefinition::getOperation);
	}

	static MediaType responseType(ServerRequest.Headers headers) {
		List<MediaType> accepted;
		try {
			accepted = headers.accept();
		}
		catch (InvalidMediaTypeException ex) {
			return MediaType.APPLICATION_GRAPHQL_RESPONSE;
		}
		boolean jsonOnly = accepted.stream().noneMatch(type -> type.includes(MediaType.APPLICATION_GRAPHQL_RESPONSE))
				&& accepted.stream().anyMatch(type -> type.includes(MediaType.APPLICATION_JSON));
		return jsonOnly ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_GRAPHQL_RESPONSE;
	}

	private static ServerResponse badRequest(String message) {
		return TransportError.BAD_REQUEST.response(message);
	}

	static boolean isWebSocketUpgrade(ServerRequest request) {
		return "websocket".equalsIgnoreCase(request.headers().firstHeader(HttpHeaders.UPGRADE));
	}
}
