package dev.steward.policy.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.steward.policy.PolicySnapshotFacade.PolicyHashSnapshot.Directory;
import dev.steward.policy.PolicySnapshotFacade.PolicyHashSnapshot.File;
import dev.steward.policy.domain.StoredVariant;
import dev.steward.policy.domain.SnapshotTree;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hashes of a snapshot tree against SHA-256 over their canonical JSON (RFC 8785) written out by hand: members
 * sorted, no whitespace.
 */
class SnapshotTreeHashTests {

	static final String GREETING_HASH = "a".repeat(64);

	static final String FAREWELL_HASH = "b".repeat(64);

	static final String HAT_HASH = "c".repeat(64);

	final JcsPolicyHashes hashes = new JcsPolicyHashes();

	@Test
	void placesEachVariantAtItsTypeNamespaceKeyAndVariant() {
		StoredVariant greeting = variant("prompt", "npc.dialogue", "greeting", "v1", GREETING_HASH);

		String path = SnapshotTree.path(greeting);

		assertThat(path).isEqualTo("prompt/npc/dialogue/greeting/v1.json");
	}

	@Test
	void hashesTheFilesInPathOrderUnderTheHashVersion() {
		String expected = sha256("{\"entries\":["
				+ entry("clothing_block/image/blocks/clothing/hat/v2.json", HAT_HASH) + ","
				+ entry("prompt/npc/dialogue/farewell/v1.json", FAREWELL_HASH) + ","
				+ entry("prompt/npc/dialogue/greeting/v1.json", GREETING_HASH)
				+ "],\"hash_version\":\"policy_db_snapshot_hash_v2\"}");

		SnapshotTree tree = SnapshotTree.of(variants(), hashes);

		assertThat(tree.rootHash()).isEqualTo(expected);
		assertThat(tree.files()).extracting(File::path)
			.containsExactly("clothing_block/image/blocks/clothing/hat/v2.json", "prompt/npc/dialogue/farewell/v1.json",
					"prompt/npc/dialogue/greeting/v1.json");
	}

	@Test
	void hashesEveryDirectoryOverTheFilesUnderItWithPathsRelativeToIt() {
		String dialogue = sha256("{\"entries\":[" + entry("farewell/v1.json", FAREWELL_HASH) + ","
				+ entry("greeting/v1.json", GREETING_HASH) + "],\"hash_version\":\"policy_db_snapshot_hash_v2\"}");
		String greeting = sha256("{\"entries\":[" + entry("v1.json", GREETING_HASH)
				+ "],\"hash_version\":\"policy_db_snapshot_hash_v2\"}");

		SnapshotTree tree = SnapshotTree.of(variants(), hashes);

		assertThat(tree.directories()).extracting(Directory::path, Directory::fileCount)
			.containsExactly(tuple("clothing_block", 1), tuple("clothing_block/image", 1),
					tuple("clothing_block/image/blocks", 1), tuple("clothing_block/image/blocks/clothing", 1),
					tuple("clothing_block/image/blocks/clothing/hat", 1), tuple("prompt", 2), tuple("prompt/npc", 2),
					tuple("prompt/npc/dialogue", 2), tuple("prompt/npc/dialogue/farewell", 1),
					tuple("prompt/npc/dialogue/greeting", 1));
		assertThat(directory(tree, "prompt/npc/dialogue").hash()).isEqualTo(dialogue);
		assertThat(directory(tree, "prompt/npc/dialogue/greeting").hash()).isEqualTo(greeting);
	}

	@Test
	void givesTheSameHashesWhateverTheOrderOfTheVariants() {
		List<StoredVariant> variants = variants();

		SnapshotTree tree = SnapshotTree.of(variants, hashes);
		SnapshotTree reversed = SnapshotTree.of(variants.reversed(), hashes);

		assertThat(reversed).isEqualTo(tree);
	}

	@Test
	void hashesAnEmptyScopeToTheHashOfNoEntries() {
		String expected = sha256("{\"entries\":[],\"hash_version\":\"policy_db_snapshot_hash_v2\"}");

		SnapshotTree tree = SnapshotTree.of(List.of(), hashes);

		assertThat(tree.rootHash()).isEqualTo(expected);
		assertThat(tree.files()).isEmpty();
		assertThat(tree.directories()).isEmpty();
	}

	static List<StoredVariant> variants() {
		return List.of(variant("prompt", "npc.dialogue", "greeting", "v1", GREETING_HASH),
				variant("clothing_block", "image.blocks.clothing", "hat", "v2", HAT_HASH),
				variant("prompt", "npc.dialogue", "farewell", "v1", FAREWELL_HASH));
	}

	static StoredVariant variant(String type, String namespace, String key, String variant, String contentHash) {
		return new StoredVariant(type + ":" + namespace + ":" + key, type, namespace, key, variant, "1.0", 1,
				"active", Map.of("text", key), contentHash, Instant.parse("2026-11-21T20:00:00Z"), "alice", 1);
	}

	static Directory directory(SnapshotTree tree, String path) {
		return tree.directories().stream().filter(directory -> directory.path().equals(path)).findFirst().orElseThrow();
	}

	static String entry(String path, String contentHash) {
		return "{\"content_hash\":\"" + contentHash + "\",\"relative_path\":\"" + path + "\"}";
	}

	static String sha256(String canonical) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
