package dev.steward.app.graphql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Callers;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import dev.steward.app.security.ApiTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A world's activations and their variants as nested fields, loaded in batches across several worlds. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WorldActivationsGraphQlIntegrationTests {

	static final String UPSERT = """
			mutation($policy: ID!, $variant: String!, $text: String!) {
			  upsertPolicyVariant(input: {policyId: $policy, variant: $variant, policyVersion: 1, status: ACTIVE,
			                              content: {text: $text}}) { variant { id } }
			}""";

	static final String ACTIVATE = """
			mutation($world: ID!, $profile: String!, $policy: ID!, $variant: String!) {
			  activatePolicy(input: {worldId: $world, clientProfile: $profile, policyId: $policy, variant: $variant}) {
			    event { activationEventId }
			  }
			}""";

	static final String NESTED = """
			query($one: ID!, $two: ID!, $three: ID!) {
			  one: world(id: $one) { ...activations }
			  two: world(id: $two) { ...activations }
			  three: world(id: $three) { ...activations }
			}
			fragment activations on World {
			  id
			  activations { worldId clientProfile policyId variant policyVariant { id policyId variant content } }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	GraphQlHttp graphql;

	Callers callers;

	String namespace;

	@BeforeEach
	void setUp() {
		graphql = new GraphQlHttp(port);
		callers = Callers.issuedBy(tokens);
		namespace = "ns" + UUID.randomUUID().toString().replace("-", "");
	}

	@Test
	void eachWorldGetsItsOwnPointersAndEachPointerTheVariantItPointsAt() {
		String one = graphql.createWorld(callers.operator());
		String two = graphql.createWorld(callers.operator());
		String empty = graphql.createWorld(callers.operator());
		String a = policy("a");
		String b = policy("b");
		String c = policy("c");
		for (String policy : List.of(a, b, c)) {
			upsert(policy, "v1", policy + " first");
			upsert(policy, "v2", policy + " second");
		}
		activate(one, "", a, "v1");
		activate(one, "", b, "v2");
		activate(one, "mobile", c, "v2"); // a client profile's pointer is not the world's own
		activate(two, "", a, "v2");
		activate(two, "", c, "v1");

		Response response = graphql.post(callers.viewer(), NESTED, Map.of("one", one, "two", two, "three", empty));

		assertThat(response.hasErrors()).as(response.body()).isFalse();
		assertThat(pointers(response.data().path("one"))).containsExactly(a + "@v1=" + a + " first",
				b + "@v2=" + b + " second");
		assertThat(pointers(response.data().path("two"))).containsExactly(a + "@v2=" + a + " second",
				c + "@v1=" + c + " first");
		assertThat(pointers(response.data().path("three"))).isEmpty();
		for (JsonNode activation : response.data().path("one").path("activations")) {
			assertThat(activation.path("worldId").asString()).isEqualTo(one);
			assertThat(activation.path("clientProfile").asString()).isEmpty();
		}
	}

	@Test
	void theSameVariantUnderSeveralWorldsIsTheSameVariant() {
		String one = graphql.createWorld(callers.operator());
		String two = graphql.createWorld(callers.operator());
		String shared = policy("shared");
		upsert(shared, "v1", "shared");
		activate(one, "", shared, "v1");
		activate(two, "", shared, "v1");

		Response response = graphql.post(callers.viewer(), NESTED, Map.of("one", one, "two", two, "three", one));

		assertThat(response.hasErrors()).as(response.body()).isFalse();
		assertThat(pointers(response.data().path("one"))).containsExactly(shared + "@v1=shared");
		assertThat(pointers(response.data().path("two"))).containsExactly(shared + "@v1=shared");
		assertThat(pointers(response.data().path("three"))).containsExactly(shared + "@v1=shared");
	}

	@Test
	void withoutATokenNothingIsRead() {
		String world = graphql.createWorld(callers.operator());

		Response response = graphql.post(null, NESTED, Map.of("one", world, "two", world, "three", world));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).doesNotContain("activations\":[");
	}

	private String policy(String key) {
		return "prompt:" + namespace + ":" + key;
	}

	private void upsert(String policy, String variant, String text) {
		Response response = graphql.post(callers.author(), UPSERT,
				Map.of("policy", policy, "variant", variant, "text", text));
		assertThat(response.hasErrors()).as(response.body()).isFalse();
	}

	private void activate(String world, String profile, String policy, String variant) {
		Response response = graphql.post(callers.operator(), ACTIVATE,
				Map.of("world", world, "profile", profile, "policy", policy, "variant", variant));
		assertThat(response.hasErrors()).as(response.body()).isFalse();
	}

	/** The world's activations as {@code policyId@variant=content.text}, in the order they came. */
	private static List<String> pointers(JsonNode world) {
		List<String> pointers = new ArrayList<>();
		for (JsonNode activation : world.path("activations")) {
			JsonNode variant = activation.path("policyVariant");
			assertThat(variant.path("policyId").asString()).isEqualTo(activation.path("policyId").asString());
			assertThat(variant.path("variant").asString()).isEqualTo(activation.path("variant").asString());
			assertThat(variant.path("id").asString())
				.isEqualTo(activation.path("policyId").asString() + "@" + activation.path("variant").asString());
			pointers.add(activation.path("policyId").asString() + "@" + activation.path("variant").asString() + "="
					+ variant.path("content").path("text").asString());
		}
		return pointers;
	}
}
