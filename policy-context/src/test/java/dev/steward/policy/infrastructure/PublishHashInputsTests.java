package dev.steward.policy.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.policy.PolicyId;
import dev.steward.policy.domain.StoredVariant;
import dev.steward.policy.domain.ExportArtifact;
import dev.steward.policy.domain.PublishManifest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each hash of a manifest and an export artifact against SHA-256 over its canonical JSON (RFC 8785) written out
 * by hand: members sorted, no whitespace, non-ASCII characters as they are.
 */
class PublishHashInputsTests {

	static final Instant UPDATED_AT = Instant.parse("2026-11-21T20:16:00.123456Z");

	static final Instant GENERATED_AT = Instant.parse("2026-11-22T08:00:00Z");

	static final String CONTENT = "{\"a\":[true,null],\"b\":1,\"text\":\"Grüß dich\"}";

	final JcsPolicyHashes hashes = new JcsPolicyHashes();

	@Test
	void hashesContentWithItsIdentity() {
		String expected = sha256("{\"content\":" + CONTENT + ",\"policy_id\":\"prompt:npc:greeting\",\"variant\":\"v1\"}");

		String contentHash = hashes.contentHash(PolicyId.parse("prompt:npc:greeting"), "v1", content());

		assertThat(contentHash).isEqualTo(expected);
	}

	@Test
	void hashesTheItemsAndTheManifestWithoutTheTimeOfPublishing() {
		String itemsHash = sha256("{\"items\":[" + item() + "]}");
		String manifestHash = sha256("{\"client_profile\":null,\"item_count\":1,\"items_hash\":\"" + itemsHash
				+ "\",\"world_id\":\"pipeworks_web\"}");

		PublishManifest manifest = PublishManifest.freeze("pipeworks_web", "", List.of(variant()), GENERATED_AT, hashes);
		PublishManifest later = PublishManifest.freeze("pipeworks_web", "", List.of(variant()), GENERATED_AT.plusSeconds(60), hashes);

		assertThat(manifest.itemsHash()).isEqualTo(itemsHash);
		assertThat(manifest.manifestHash()).isEqualTo(manifestHash);
		assertThat(later.manifestHash()).isEqualTo(manifestHash);
		assertThat(manifest.toJson()).containsEntry("generated_at", "2026-11-22T08:00:00Z")
			.containsEntry("client_profile", null)
			.containsEntry("item_count", 1);
	}

	@Test
	void hashesTheClientProfileOfAClientScopeIntoTheManifest() {
		String itemsHash = sha256("{\"items\":[" + item() + "]}");
		String expected = sha256("{\"client_profile\":\"web\",\"item_count\":1,\"items_hash\":\"" + itemsHash
				+ "\",\"world_id\":\"pipeworks_web\"}");

		PublishManifest manifest = PublishManifest.freeze("pipeworks_web", "web", List.of(variant()), GENERATED_AT, hashes);

		assertThat(manifest.manifestHash()).isEqualTo(expected);
	}

	@Test
	void hashesTheVariantsAndTheArtifactWithoutItsOwnHash() {
		PublishManifest manifest = PublishManifest.freeze("pipeworks_web", "", List.of(variant()), GENERATED_AT, hashes);
		String row = "{\"content\":" + CONTENT + ",\"content_hash\":\"" + contentHash()
				+ "\",\"materialized\":true,\"namespace\":\"npc\",\"policy_id\":\"prompt:npc:greeting\","
				+ "\"policy_key\":\"greeting\",\"policy_type\":\"prompt\",\"policy_version\":2,\"schema_version\":\"1.0\","
				+ "\"status\":\"active\",\"updated_at\":\"2026-11-21T20:16:00.123456Z\",\"updated_by\":\"alice\","
				+ "\"variant\":\"v1\"}";
		String variantsHash = sha256("{\"variants\":[" + row + "]}");
		String artifactHash = sha256("{\"client_profile\":null,\"export_schema_version\":\"1.0\",\"item_count\":1,"
				+ "\"items\":[" + item() + "],\"items_hash\":\"" + manifest.itemsHash() + "\",\"manifest_hash\":\""
				+ manifest.manifestHash() + "\",\"mirror_mode\":\"non_authoritative\",\"policy_authority\":\"steward\","
				+ "\"variants\":[" + row + "],\"variants_hash\":\"" + variantsHash + "\",\"world_id\":\"pipeworks_web\"}");

		ExportArtifact artifact = ExportArtifact.materialize(manifest.toJson(), item -> Optional.of(variant()), hashes);

		assertThat(artifact.variantsHash()).isEqualTo(variantsHash);
		assertThat(artifact.artifactHash()).isEqualTo(artifactHash);
		assertThat(artifact.content()).containsEntry("artifact_hash", artifactHash);
	}

	@Test
	void exportsAVariantChangedSinceThePublishWithoutItsContent() {
		PublishManifest manifest = PublishManifest.freeze("pipeworks_web", "", List.of(variant()), GENERATED_AT, hashes);
		StoredVariant rewritten = new StoredVariant("prompt:npc:greeting", "prompt", "npc", "greeting", "v1",
				"1.0", 2, "active", Map.of("text", "other"), "f".repeat(64), UPDATED_AT.plusSeconds(5), "bob", 1);

		ExportArtifact artifact = ExportArtifact.materialize(manifest.toJson(), item -> Optional.of(rewritten), hashes);

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> variants = (List<Map<String, Object>>) artifact.content().get("variants");
		assertThat(variants).singleElement().satisfies(row -> assertThat(row)
			.containsEntry("materialized", false)
			.containsEntry("content", Map.of())
			.containsEntry("updated_by", "unknown")
			.containsEntry("content_hash", contentHash())
			.containsEntry("updated_at", "2026-11-21T20:16:00.123456Z"));
	}

	static String item() {
		return "{\"content_hash\":\"" + contentHash() + "\",\"namespace\":\"npc\",\"policy_id\":\"prompt:npc:greeting\","
				+ "\"policy_key\":\"greeting\",\"policy_type\":\"prompt\",\"policy_version\":2,\"schema_version\":\"1.0\","
				+ "\"status\":\"active\",\"updated_at\":\"2026-11-21T20:16:00.123456Z\",\"variant\":\"v1\"}";
	}

	static String contentHash() {
		return sha256("{\"content\":" + CONTENT + ",\"policy_id\":\"prompt:npc:greeting\",\"variant\":\"v1\"}");
	}

	static StoredVariant variant() {
		return new StoredVariant("prompt:npc:greeting", "prompt", "npc", "greeting", "v1", "1.0", 2, "active",
				content(), contentHash(), UPDATED_AT, "alice", 0);
	}

	static Map<String, Object> content() {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put("text", "Grüß dich");
		content.put("b", 1);
		content.put("a", Arrays.asList(true, null));
		return content;
	}

	static String sha256(String canonicalJson) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
