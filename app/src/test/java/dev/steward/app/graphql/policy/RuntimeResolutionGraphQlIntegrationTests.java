package dev.steward.app.graphql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Callers;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.Role;
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

/** Runtime resolution end to end: variants written and activated over GraphQL, then resolved by a viewer. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RuntimeResolutionGraphQlIntegrationTests {

	static final String RESOLVE = """
			query($w: ID!, $cp: String) {
			  effectivePromptTemplate(worldId: $w, clientProfile: $cp) {
			    worldId clientProfile policyId variant namespace policyKey text contentHash activatedIn
			  }
			  effectiveAxisBundle(worldId: $w, clientProfile: $cp) {
			    worldId clientProfile bundleId bundleVersion axes thresholds resolution requiredRuntimeInputs
			    policyHash manifestPolicyId manifestVariant axisPolicyId axisVariant
			  }
			  effectiveImagePolicyBundle(worldId: $w, clientProfile: $cp) {
			    worldId clientProfile policySchema bundleId bundleVersion policyHash compositionOrder
			    requiredRuntimeInputs descriptorLayerPolicyId toneProfilePolicyId speciesRegistryPolicyId
			    clothingRegistryPolicyId missingComponents
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	GraphQlHttp graphql;

	String author;

	String operator;

	String viewer;

	String world;

	String prompt;

	String tone;

	@BeforeEach
	void aWorldWithAPromptAManifestAndItsAxisBundleActive() {
		graphql = new GraphQlHttp(port);
		Callers callers = Callers.issuedBy(tokens);
		author = callers.author();
		operator = callers.operator();
		viewer = callers.viewer();
		world = graphql.createWorld(operator);
		String namespace = "ns" + UUID.randomUUID().toString().replace("-", "");
		String bundle = "bundle-" + UUID.randomUUID();
		prompt = "prompt:" + namespace + ":greeting";
		tone = "tone_profile:" + namespace + ":noir";
		String manifest = "manifest_bundle:world.manifests:" + world;
		String axis = "axis_bundle:axis.bundles:" + bundle;
		upsert(prompt, Map.of("text", "Hello, {name}."));
		upsert(manifest, Map.of("manifest", Map.of("axis", Map.of("active_bundle", Map.of("id", bundle, "version", 1)),
				"image", Map.of("composition", Map.of("order", List.of("tone_profile"), "required_runtime_inputs",
						List.of("species")), "tone_profile", Map.of("policy_id", tone)))));
		upsert(axis, Map.of("axes", Map.of("mood", List.of("calm")), "thresholds", Map.of("mood", 1), "resolution",
				Map.of("order", List.of("mood"))));
		activate(world, "", prompt);
		activate(world, "", manifest);
		activate(world, "", axis);
	}

	@Test
	void aViewerResolvesTheScopesPromptAxisBundleAndImagePolicy() {
		Response resolved = graphql.post(viewer, RESOLVE, Map.of("w", world, "cp", "mobile"));
		Response anonymous = graphql.post(null, RESOLVE, Map.of("w", world));

		assertThat(resolved.hasErrors()).as(resolved.body()).isFalse();
		JsonNode template = resolved.data().path("effectivePromptTemplate");
		assertThat(template.path("policyId").asString()).isEqualTo(prompt);
		assertThat(template.path("clientProfile").asString()).isEqualTo("mobile");
		assertThat(template.path("activatedIn").asString()).isEmpty();
		assertThat(template.path("text").asString()).isEqualTo("Hello, {name}.");
		assertThat(template.path("contentHash").asString()).hasSize(64);
		JsonNode axisBundle = resolved.data().path("effectiveAxisBundle");
		assertThat(axisBundle.path("bundleVersion").asInt()).isEqualTo(1);
		assertThat(axisBundle.path("axes").path("mood").path(0).asString()).isEqualTo("calm");
		assertThat(axisBundle.path("requiredRuntimeInputs").path(0).asString()).isEqualTo("species");
		assertThat(axisBundle.path("axisVariant").asString()).isEqualTo("v1");
		assertThat(axisBundle.path("policyHash").asString()).hasSize(64);
		JsonNode image = resolved.data().path("effectiveImagePolicyBundle");
		assertThat(image.path("policyHash").asString()).isEqualTo(axisBundle.path("policyHash").asString());
		assertThat(image.path("policySchema").isNull()).isTrue();
		assertThat(image.path("compositionOrder").path(0).asString()).isEqualTo("tone_profile");
		assertThat(image.path("toneProfilePolicyId").asString()).isEqualTo(tone);
		assertThat(image.path("descriptorLayerPolicyId").isNull()).isTrue();
		assertThat(image.path("missingComponents").valueStream().map(JsonNode::asString)).containsExactly("tone_profile");
		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void refusalsReachTheClientWithTheirCode() {
		Response refused = graphql.post(viewer, """
				query($w: ID!, $p: ID) { effectivePromptTemplate(worldId: $w, policyId: $p) { text } }""",
				Map.of("w", world, "p", tone));
		Response missing = graphql.post(viewer, """
				query($w: ID!) { effectiveAxisBundle(worldId: $w, clientProfile: "mobile") { bundleId } }""",
				Map.of("w", "no-world-" + UUID.randomUUID()));

		assertThat(refused.errorCode()).isEqualTo("POLICY_PROMPT_SELECTOR_INVALID");
		assertThat(missing.errorCode()).isEqualTo("POLICY_WORLD_NOT_FOUND");
	}

	private void upsert(String policyId, Map<String, Object> content) {
		Response stored = graphql.post(author, """
				mutation($input: UpsertPolicyVariantInput!) { upsertPolicyVariant(input: $input) { variant { id } } }""",
				Map.of("input", Map.of("policyId", policyId, "variant", "v1", "policyVersion", 1, "status", "ACTIVE",
						"content", content)));
		assertThat(stored.hasErrors()).as(stored.body()).isFalse();
	}

	private void activate(String worldId, String clientProfile, String policyId) {
		Response activated = graphql.post(operator, """
				mutation($input: ActivatePolicyInput!) { activatePolicy(input: $input) { event { id } } }""",
				Map.of("input", Map.of("worldId", worldId, "clientProfile", clientProfile, "policyId", policyId,
						"variant", "v1")));
		assertThat(activated.hasErrors()).as(activated.body()).isFalse();
	}
}
