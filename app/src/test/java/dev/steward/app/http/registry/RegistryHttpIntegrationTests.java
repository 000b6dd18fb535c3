package dev.steward.app.http.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import dev.steward.app.Callers;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import dev.steward.app.security.ApiTokens;
import dev.steward.kernel.Digests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A package's life end to end, as an integrator drives it: GraphQL for the package, plain HTTP for the bytes. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RegistryHttpIntegrationTests {

	static final String CREATE = """
			mutation($input: CreatePackageInput!) { createPackage(input: $input) { package { id status } } }""";

	static final String FINALIZE = """
			mutation($id: ID!) { finalizePackage(input: { id: $id }) { package { status manifestDigest manifestUrl } } }""";

	static final String READ = """
			query($id: ID!) { package(id: $id) { status files { relativePath sizeBytes digestSha256Hex contentUrl } } }""";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	GraphQlHttp graphql;

	Callers callers;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void clients() {
		graphql = new GraphQlHttp(port);
		callers = Callers.issuedBy(tokens);
	}

	String createPackage() {
		Response created = graphql.post(callers.author(), CREATE, Map.of("input", Map.of("name", "build-1",
				"producer", "ci-" + UUID.randomUUID(), "subject", "svc", "retentionClass", "standard", "metadata",
				Map.of("build", 1, "ratio", 0.5))));
		assertThat(created.hasErrors()).as(created.body()).isFalse();
		return created.data().path("createPackage").path("package").path("id").asString();
	}

	HttpResponse<String> put(String token, String pkg, String path, String contentType, byte[] body) {
		return send(HttpRequest.newBuilder(uri("/registry/packages/" + pkg + "/files/" + path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", contentType)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(body)), HttpResponse.BodyHandlers.ofString());
	}

	<T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> handler, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + callers.viewer());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.GET(), handler);
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	<T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
		try {
			return http.send(request.build(), handler);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void uploadsDownloadsInRangesAndFinalizesAPackage() {
		String pkg = createPackage();

		HttpResponse<String> uploaded = put(callers.author(), pkg, "docs/read%20me.txt", "text/plain; charset=utf-8",
				"0123456789".getBytes(StandardCharsets.UTF_8));

		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
		JsonNode file = JSON.readTree(uploaded.body());
		assertThat(file.path("relativePath").asString()).isEqualTo("docs/read me.txt");
		assertThat(file.path("mediaType").asString()).isEqualTo("text/plain; charset=utf-8");
		assertThat(file.path("digestSha256Hex").asString()).isEqualTo(Digests.sha256Hex("0123456789".getBytes()));
		String content = file.path("contentUrl").asString();
		assertThat(uploaded.headers().firstValue("Location")).contains(content);

		HttpResponse<String> whole = get(content, HttpResponse.BodyHandlers.ofString());
		assertThat(whole.statusCode()).isEqualTo(200);
		assertThat(whole.body()).isEqualTo("0123456789");
		String etag = whole.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).isEqualTo("\"" + file.path("digestPrimaryHex").asString() + "\"");
		assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");

		HttpResponse<String> part = get(content, HttpResponse.BodyHandlers.ofString(), "Range", "bytes=2-5");
		assertThat(part.statusCode()).isEqualTo(206);
		assertThat(part.body()).isEqualTo("2345");
		assertThat(part.headers().firstValue("Content-Range")).contains("bytes 2-5/10");
		HttpResponse<String> suffix = get(content, HttpResponse.BodyHandlers.ofString(), "Range", "bytes=-3");
		assertThat(suffix.body()).isEqualTo("789");
		HttpResponse<String> outside = get(content, HttpResponse.BodyHandlers.ofString(), "Range", "bytes=20-30");
		assertThat(outside.statusCode()).isEqualTo(416);
		assertThat(outside.headers().firstValue("Content-Range")).contains("bytes */10");
		assertThat(JSON.readTree(outside.body()).path("code").asString()).isEqualTo("RANGE_NOT_SATISFIABLE");
		HttpResponse<String> unchanged = get(content, HttpResponse.BodyHandlers.ofString(), "If-None-Match", etag);
		assertThat(unchanged.statusCode()).isEqualTo(304);

		Response finalized = graphql.post(callers.author(), FINALIZE, Map.of("id", pkg));
		assertThat(finalized.hasErrors()).as(finalized.body()).isFalse();
		assertThat(finalized.data().path("finalizePackage").path("package").path("status").asString())
			.isEqualTo("FINALIZED");
		Response read = graphql.post(callers.viewer(), READ, Map.of("id", pkg));
		assertThat(read.data().path("package").path("files").path(0).path("sizeBytes").asLong()).isEqualTo(10);

		HttpResponse<String> late = put(callers.author(), pkg, "late.txt", "text/plain", new byte[] { 1 });
		assertThat(late.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(late.body()).path("code").asString()).isEqualTo("ILLEGAL_PACKAGE_STATE");
	}

	@Test
	void servesAManifestThatAnIndependentDecoderReadsAndWhoseJsonIsJcs() throws IOException {
		String pkg = createPackage();
		put(callers.author(), pkg, "b.bin", "application/octet-stream", new byte[] { 0, 1, 2 });
		put(callers.author(), pkg, "a.txt", "text/plain", "a".getBytes(StandardCharsets.UTF_8));
		Response finalized = graphql.post(callers.author(), FINALIZE, Map.of("id", pkg));
		String manifestUrl = finalized.data().path("finalizePackage").path("package").path("manifestUrl").asString();
		String digest = finalized.data().path("finalizePackage").path("package").path("manifestDigest").asString();

		HttpResponse<byte[]> cbor = get(manifestUrl, HttpResponse.BodyHandlers.ofByteArray(), "Accept",
				"application/cbor");
		HttpResponse<byte[]> again = get(manifestUrl, HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> json = get(manifestUrl + "?format=json", HttpResponse.BodyHandlers.ofByteArray());
		HttpResponse<byte[]> byAccept = get(manifestUrl, HttpResponse.BodyHandlers.ofByteArray(), "Accept",
				"application/json");

		assertThat(cbor.statusCode()).isEqualTo(200);
		assertThat(cbor.headers().firstValue("Content-Type")).contains("application/cbor");
		assertThat(again.body()).isEqualTo(cbor.body());
		assertThat(digest).isEqualTo("blake3:"
				+ Digests.hex(org.apache.commons.codec.digest.Blake3.hash(cbor.body())));
		CBORObject decoded = CBORObject.DecodeFromBytes(cbor.body());
		assertThat(decoded.getType()).isEqualTo(CBORType.Map);
		assertThat(decoded.get("manifest_version").AsInt32Value()).isEqualTo(1);
		assertThat(decoded.get("package").get("id").AsString()).isEqualTo(pkg);
		assertThat(decoded.get("package").get("metadata").get("ratio").AsDoubleValue()).isEqualTo(0.5);
		assertThat(decoded.get("files").get(0).get("relative_path").AsString()).isEqualTo("a.txt");
		assertThat(decoded.get("files").get(1).get("size_bytes").AsInt64Value()).isEqualTo(3);
		assertThat(decoded.get("package").get("metadata").get("build").AsInt64Value()).isEqualTo(1);

		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("Content-Type")).contains("application/json");
		assertThat(byAccept.body()).isEqualTo(json.body());
		assertThat(new JsonCanonicalizer(json.body()).getEncodedUTF8()).isEqualTo(json.body());
		assertThat(JSON.readTree(json.body()).path("package").path("id").asString()).isEqualTo(pkg);
		assertThat(get(manifestUrl + "?format=xml", HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
		HttpResponse<String> xml = get(manifestUrl, HttpResponse.BodyHandlers.ofString(), "Accept", "application/xml");
		assertThat(xml.statusCode()).isEqualTo(406);
		assertThat(JSON.readTree(xml.body()).path("code").asString()).isEqualTo("MANIFEST_FORMAT_UNSUPPORTED");
		assertThat(get(manifestUrl, HttpResponse.BodyHandlers.ofByteArray(), "Accept", "text/html, */*;q=0.1")
			.headers()
			.firstValue("Content-Type")).contains("application/cbor");
	}

	@Test
	void refusesUploadsWithClearCodes() {
		String pkg = createPackage();
		HttpResponse<String> first = put(callers.author(), pkg, "once.txt", "text/plain", new byte[] { 1 });

		HttpResponse<String> retried = put(callers.author(), pkg, "once.txt", "text/plain", new byte[] { 1 });
		HttpResponse<String> duplicate = put(callers.author(), pkg, "once.txt", "text/plain", new byte[] { 2 });
		HttpResponse<String> viewer = put(callers.viewer(), pkg, "v.txt", "text/plain", new byte[] { 2 });
		HttpResponse<String> unknown = put(callers.author(), UUID.randomUUID().toString(), "a.txt", "text/plain",
				new byte[] { 2 });
		HttpResponse<String> control = put(callers.author(), pkg, "bell%07.txt", "text/plain", new byte[] { 2 });
		HttpResponse<String> noToken = send(HttpRequest.newBuilder(uri("/registry/packages/" + pkg + "/files/x"))
			.PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 1 })), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> missing = get("/registry/files/" + UUID.randomUUID() + "/content",
				HttpResponse.BodyHandlers.ofString());

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(retried.statusCode()).as("a retry of the same bytes finds its file").isEqualTo(200);
		assertThat(JSON.readTree(retried.body()).path("id").asString())
			.isEqualTo(JSON.readTree(first.body()).path("id").asString());
		assertThat(retried.headers().firstValue("Location")).isEmpty();
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(duplicate.body()).path("code").asString()).isEqualTo("DUPLICATE_RELATIVE_PATH");
		assertThat(viewer.statusCode()).isEqualTo(403);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(unknown.body()).path("code").asString()).isEqualTo("PACKAGE_NOT_FOUND");
		assertThat(control.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(control.body()).path("code").asString()).isEqualTo("INVALID_RELATIVE_PATH");
		assertThat(noToken.statusCode()).isEqualTo(401);
		assertThat(missing.statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a/../b.txt", "../b.txt", "a/./b.txt", "a//b.txt", "a%2Fb.txt", "a%2e%2e/b.txt",
			"a%5Cb.txt", "a%00b.txt", "a%0Ab.txt", "a%25b%2F.txt", "%2e%2e%2Fb.txt" })
	void refusesUnsafePathsWithTheirCodeWhereverTheyAreCaught(String unsafe) {
		String pkg = createPackage();

		HttpResponse<String> refused = put(callers.author(), pkg, unsafe, "text/plain", new byte[] { 1 });

		assertThat(refused.statusCode()).as(unsafe).isEqualTo(400);
		assertThat(JSON.readTree(refused.body()).path("code").asString()).as(refused.body())
			.isEqualTo("INVALID_RELATIVE_PATH");
		Response files = graphql.post(callers.viewer(), "query($id: ID!) { package(id: $id) { files { relativePath } } }",
				Map.of("id", pkg));
		assertThat(files.data().path("package").path("files").size()).as(files.body()).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "text/", "*/*", "a b/c" })
	void refusesAnUploadWhoseContentTypeIsNoMediaType(String contentType) {
		String pkg = createPackage();

		HttpResponse<String> refused = put(callers.author(), pkg, "typed.bin", contentType, new byte[] { 1 });

		assertThat(refused.statusCode()).as(contentType).isEqualTo(400);
		assertThat(JSON.readTree(refused.body()).path("code").asString()).isEqualTo("INVALID_MEDIA_TYPE");
	}

	@Test
	void refusesARawBackslashInAnUploadPathWithItsCode() throws IOException {
		String pkg = createPackage();
		String request = "PUT /registry/packages/" + pkg + "/files/a\\b.txt HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: Bearer " + callers.author() + "\r\nContent-Type: text/plain\r\nContent-Length: 1\r\n"
				+ "Connection: close\r\n\r\nx";

		String answer;
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}

		assertThat(answer).startsWith("HTTP/1.1 400").contains("\"code\":\"INVALID_RELATIVE_PATH\"");
	}
}
