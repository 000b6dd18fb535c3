package dev.steward.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for Steward's GraphQL endpoint, as an integrator would use it. */
public final class GraphQlHttp {

	public static final String ADMIN_TOKEN = "test-bootstrap-token";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final URI endpoint;

	public GraphQlHttp(int port) {
		this.endpoint = URI.create("http://localhost:" + port + "/graphql");
	}

	/** The response of a POST; {@code token} may be null to send none. */
	public Response post(@Nullable String token, String document, Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		return postRaw(token, JSON.writeValueAsString(body));
	}

	/** The response of a POST of a request body written by hand, byte for byte. */
	public Response postRaw(@Nullable String token, String jsonBody) {
		HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
			.header("Content-Type", "application/json")
			.header("Accept", "application/graphql-response+json")
			.POST(HttpRequest.BodyPublishers.ofString(jsonBody));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body()));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public Response post(@Nullable String token, String document) {
		return post(token, document, Map.of());
	}

	/** Creates a world with a fresh id as the given caller (an operator or admin) and returns its id. */
	public String createWorld(String token) {
		String id = "world-" + java.util.UUID.randomUUID();
		Response created = post(token, "mutation($id: ID!) { createWorld(input: {id: $id, name: \"Fixture\"}) { world { id } } }",
				Map.of("id", id));
		if (created.hasErrors() || created.status() != 200) {
			throw new IllegalStateException("Could not create a world: " + created.body());
		}
		return id;
	}

	/** An HTTP response and its parsed body. */
	public record Response(int status, String body, JsonNode json) {

		public JsonNode data() {
			return json.path("data");
		}

		/** The {@code extensions.code} of the first error, or empty. */
		public String errorCode() {
			return json.path("errors").path(0).path("extensions").path("code").asString("");
		}

		public boolean hasErrors() {
			return json.path("errors").size() > 0;
		}
	}
}
