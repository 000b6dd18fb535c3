package dev.steward.app.graphql.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Callers;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.GraphQlHttp.Response;
import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

/** Capabilities per role, derived slot kinds and hash snapshots end to end. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PolicyInsightsGraphQlIntegrationTests {

	static final String UPSERT = """
			mutation($input: UpsertPolicyVariantInput!) {
			  upsertPolicyVariant(input: $input) { variant { policyId variant contentHash slotKinds } }
			}""";

	static final String ACTIVATE = """
			mutation($input: ActivatePolicyInput!) { activatePolicy(input: $input) { event { activationEventId } } }""";

	static final String CAPABILITIES = """
			{ policyCapabilities { role allowedPolicyTypes allowedStatuses canActivate canRegisterTypes } }""";

	static final String SNAPSHOT = """
			query($world: ID!, $profile: String) {
			  policyHashSnapshot(worldId: $world, clientProfile: $profile) {
			    worldId clientProfile hashVersion canonicalRoot generatedAt fileCount rootHash
			    files { path contentHash }
			    directories { path fileCount hash }
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

	String namespace;

	@BeforeEach
	void setUp() {
		graphql = new GraphQlHttp(port);
		Callers callers = Callers.issuedBy(tokens);
		author = callers.author();
		operator = callers.operator();
		viewer = callers.viewer();
		world = graphql.createWorld(operator);
		namespace = "ns" + UUID.randomUUID().toString().replace("-", "");
	}

	@Test
	void tellsEachRoleWhatItMayDoWithPolicies() {
		Response byViewer = graphql.post(viewer, CAPABILITIES);
		Response byAuthor = graphql.post(author, CAPABILITIES);
		Response byOperator = graphql.post(operator, CAPABILITIES);
		Response byAdmin = graphql.post(GraphQlHttp.ADMIN_TOKEN, CAPABILITIES);
		Response anonymous = graphql.post(null, CAPABILITIES);

		JsonNode viewerCapabilities = byViewer.data().path("policyCapabilities");
		assertThat(viewerCapabilities.path("role").asString()).isEqualTo("VIEWER");
		assertThat(viewerCapabilities.path("allowedPolicyTypes").size()).isZero();
		assertThat(viewerCapabilities.path("allowedStatuses").size()).isZero();
		assertThat(viewerCapabilities.path("canActivate").asBoolean()).isFalse();
		JsonNode authorCapabilities = byAuthor.data().path("policyCapabilities");
		List<String> authorTypes = strings(authorCapabilities.path("allowedPolicyTypes"));
		assertThat(authorTypes).contains("axis_bundle", "image_block", "manifest_bundle", "prompt", "registry",
				"tone_profile")
			.isSorted();
		assertThat(strings(authorCapabilities.path("allowedStatuses"))).containsExactly("ACTIVE", "ARCHIVED",
				"CANDIDATE", "DRAFT");
		assertThat(authorCapabilities.path("canActivate").asBoolean()).isFalse();
		JsonNode operatorCapabilities = byOperator.data().path("policyCapabilities");
		assertThat(operatorCapabilities.path("role").asString()).isEqualTo("OPERATOR");
		assertThat(operatorCapabilities.path("canActivate").asBoolean()).isTrue();
		assertThat(operatorCapabilities.path("canRegisterTypes").asBoolean()).isFalse();
		JsonNode adminCapabilities = byAdmin.data().path("policyCapabilities");
		assertThat(adminCapabilities.path("role").asString()).isEqualTo("ADMIN");
		assertThat(adminCapabilities.path("canRegisterTypes").asBoolean()).isTrue();
		assertThat(strings(adminCapabilities.path("allowedPolicyTypes"))).isEqualTo(authorTypes);
		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void listsTheSlotKindsOfEachVariant() {
		Response declared = upsert("prompt:" + namespace + ".npc:greeting", "v1",
				Map.of("text", "hello", "slot_kinds", List.of(" opener", "opener", "small_talk ")));
		Response derived = upsert("prompt:" + namespace + ".npc:farewell", "v1", Map.of("text", "bye"));

		Response listed = graphql.post(viewer, """
				query($ns: String) { policies(filter: {namespace: $ns}) { edges { node { policyKey slotKinds } } } }""",
				Map.of("ns", namespace + ".npc"));

		assertThat(strings(declared.data().path("upsertPolicyVariant").path("variant").path("slotKinds")))
			.containsExactly("opener", "small_talk");
		assertThat(strings(derived.data().path("upsertPolicyVariant").path("variant").path("slotKinds")))
			.containsExactly(namespace + ".npc");
		assertThat(listed.data().path("policies").path("edges").valueStream()
			.map(edge -> edge.path("node").path("policyKey").asString() + "=" + strings(edge.path("node").path("slotKinds"))))
			.containsExactly("farewell=[" + namespace + ".npc]", "greeting=[opener, small_talk]");
	}

	@Test
	void hashesTheEffectivePoliciesOfAScopeTheSameWayEveryTime() {
		String greeting = hash(upsert("prompt:" + namespace + ".npc:greeting", "v1", Map.of("text", "hello")));
		String harbour = hash(upsert("location:" + namespace + ":harbour", "v1", Map.of("text", "a harbour")));
		String webGreeting = hash(upsert("prompt:" + namespace + ".npc:greeting", "v2", Map.of("text", "hi")));
		activate("", "prompt:" + namespace + ".npc:greeting", "v1");
		activate("", "location:" + namespace + ":harbour", "v1");
		activate("web", "prompt:" + namespace + ".npc:greeting", "v2");
		String harbourPath = "location/" + namespace + "/harbour/v1.json";
		String greetingPath = "prompt/" + namespace + "/npc/greeting/v1.json";
		String expectedRoot = sha256("{\"entries\":[" + entry(harbourPath, harbour) + "," + entry(greetingPath, greeting)
				+ "],\"hash_version\":\"policy_db_snapshot_hash_v2\"}");
		String expectedPrompts = sha256("{\"entries\":[" + entry(namespace + "/npc/greeting/v1.json", greeting)
				+ "],\"hash_version\":\"policy_db_snapshot_hash_v2\"}");

		JsonNode first = snapshot(viewer, "");
		JsonNode second = snapshot(viewer, "");
		JsonNode web = snapshot(viewer, "web");

		assertThat(first.path("rootHash").asString()).isEqualTo(expectedRoot);
		assertThat(first.path("hashVersion").asString()).isEqualTo("policy_db_snapshot_hash_v2");
		assertThat(first.path("canonicalRoot").asString()).isEqualTo("canonical_db://" + world + "/effective-activations");
		assertThat(first.path("fileCount").asInt()).isEqualTo(2);
		assertThat(first.path("files").valueStream().map(file -> file.path("path").asString()))
			.containsExactly(harbourPath, greetingPath);
		assertThat(first.path("directories").valueStream().map(directory -> directory.path("path").asString()))
			.containsExactly("location", "location/" + namespace, "location/" + namespace + "/harbour", "prompt",
					"prompt/" + namespace, "prompt/" + namespace + "/npc", "prompt/" + namespace + "/npc/greeting");
		assertThat(first.path("directories").path(3).path("fileCount").asInt()).isEqualTo(1);
		assertThat(first.path("directories").path(3).path("hash").asString()).isEqualTo(expectedPrompts);
		assertThat(second.path("rootHash").asString()).isEqualTo(expectedRoot);
		assertThat(second.path("directories")).isEqualTo(first.path("directories"));
		assertThat(web.path("canonicalRoot").asString()).isEqualTo("canonical_db://" + world + "/effective-activations/web");
		assertThat(web.path("rootHash").asString()).isEqualTo(sha256("{\"entries\":[" + entry(harbourPath, harbour) + ","
				+ entry("prompt/" + namespace + "/npc/greeting/v2.json", webGreeting)
				+ "],\"hash_version\":\"policy_db_snapshot_hash_v2\"}"));
	}

	@Test
	void refusesASnapshotOfAnUnknownWorldOrWithoutAToken() {
		Response unknown = graphql.post(viewer, SNAPSHOT, Map.of("world", "world-" + UUID.randomUUID()));
		Response anonymous = graphql.post(null, SNAPSHOT, Map.of("world", world));

		assertThat(unknown.errorCode()).isEqualTo("POLICY_WORLD_NOT_FOUND");
		assertThat(anonymous.status()).isEqualTo(401);
	}

	private Response upsert(String policyId, String variant, Map<String, Object> content) {
		Response response = graphql.post(author, UPSERT, Map.of("input", Map.of("policyId", policyId, "variant", variant,
				"policyVersion", 1, "status", "ACTIVE", "content", content)));
		assertThat(response.hasErrors()).as(response.body()).isFalse();
		return response;
	}

	private void activate(String clientProfile, String policyId, String variant) {
		Response response = graphql.post(operator, ACTIVATE, Map.of("input", Map.of("worldId", world, "clientProfile",
				clientProfile, "policyId", policyId, "variant", variant)));
		assertThat(response.hasErrors()).as(response.body()).isFalse();
	}

	private JsonNode snapshot(String token, String clientProfile) {
		Response response = graphql.post(token, SNAPSHOT, Map.of("world", world, "profile", clientProfile));
		assertThat(response.hasErrors()).as(response.body()).isFalse();
		return response.data().path("policyHashSnapshot");
	}

	private static String hash(Response upserted) {
		return upserted.data().path("upsertPolicyVariant").path("variant").path("contentHash").asString();
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	private static String entry(String path, String contentHash) {
		return "{\"content_hash\":\"" + contentHash + "\",\"relative_path\":\"" + path + "\"}";
	}

	private static String sha256(String canonical) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
