package dev.steward.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.steward.app.GraphQlHttp;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RegistryStorageHealthIntegrationTests {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void readinessReportsTheBlobStoresAndTheirFailedLocationsToACallerWithAToken() throws Exception {
		HttpResponse<String> response = get("/actuator/health/readiness", GraphQlHttp.ADMIN_TOKEN);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"registryStorage\":{")
			.contains("\"filesystem\":{")
			.contains("\"failedLocations\":");
	}

	@Test
	void anAnonymousProbeSeesStatusesButNoDetails() throws Exception {
		HttpResponse<String> response = get("/actuator/health/readiness", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"registryStorage\":{\"status\":\"UP\"}")
			.contains("\"db\":{\"status\":\"UP\"}")
			.doesNotContain("failedLocations")
			.doesNotContain("validationQuery")
			.doesNotContain("PostgreSQL");
	}

	@Test
	void servesTheFailedLocationsAsAMetric() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus");

		assertThat(response.body()).contains("steward_registry_storage_failed_locations{backend=\"filesystem\"");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return get(path, null);
	}

	private HttpResponse<String> get(String path, @Nullable String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
