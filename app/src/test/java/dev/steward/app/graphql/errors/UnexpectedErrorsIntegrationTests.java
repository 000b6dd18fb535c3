package dev.steward.app.graphql.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** An unexpected failure reaches the client as INTERNAL with an incident id, and nothing of its internals. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(UnexpectedErrorsIntegrationTests.Exploding.class)
class UnexpectedErrorsIntegrationTests {

	static final String SECRET = "SELECT token_hash FROM access.api_token";

	@LocalServerPort
	int port;

	@Test
	void masksAnUnexpectedFailure() {
		Response response = new GraphQlHttp(port).post(GraphQlHttp.ADMIN_TOKEN, "{ explode }");

		assertThat(response.errorCode()).isEqualTo("INTERNAL");
		assertThat(response.json().path("errors").path(0).path("extensions").path("classification").asString())
			.isEqualTo("INTERNAL_ERROR");
		assertThat(response.json().path("errors").path(0).path("message").asString()).contains("incident");
		assertThat(response.body()).doesNotContain("SELECT", "token_hash", "IllegalStateException", "at dev.steward");
	}

	@TestConfiguration
	static class Exploding {

		@Bean
		GraphQlSourceBuilderCustomizer explodingField() {
			return builder -> builder.schemaResources(new ByteArrayResource(
					"extend type Query { explode: String }".getBytes(StandardCharsets.UTF_8), "explode.graphqls"));
		}

		@Bean
		ExplodingController explodingController() {
			return new ExplodingController();
		}
	}

	@Controller
	static class ExplodingController {

		@QueryMapping
		String explode() {
			throw new IllegalStateException(SECRET);
		}
	}
}
