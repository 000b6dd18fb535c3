package dev.steward.policy.application;

import dev.steward.policy.PolicyStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade;
import dev.steward.policy.WorldFacade.CreateWorld;
import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyFacade;
import dev.steward.policy.PolicySnapshotFacade.PolicyHashSnapshot;
import dev.steward.policy.PolicySnapshotFacade.PolicyHashSnapshot.Directory;
import dev.steward.policy.PolicySnapshotFacade.PolicyHashSnapshot.File;
import dev.steward.policy.PolicySnapshotFacade;
import dev.steward.policy.PolicyFacade.PolicyVariantView;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import dev.steward.policy.WorldFacade;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class SnapshotManagementIntegrationTests {

	@Autowired
	PolicySnapshotFacade snapshots;

	@Autowired
	PolicyFacade policies;

	@Autowired
	ActivationFacade activations;

	@Autowired
	WorldFacade worlds;

	String world;

	String namespace;

	@BeforeEach
	void aWorldAndAFreshNamespace() {
		world = "world-" + UUID.randomUUID();
		worlds.create(new CreateWorld(world, "Snapshots", "", true, Map.of(), "alice"));
		namespace = "ns" + UUID.randomUUID().toString().replace("-", "");
	}

	@Test
	void hashesTheEffectiveVariantsOfAWorldAsATreeOfFiles() {
		PolicyVariantView greeting = upsert("prompt:" + namespace + ".npc:greeting", "v1", "hello");
		PolicyVariantView harbour = upsert("location:" + namespace + ":harbour", "v2", "a harbour");
		upsert("prompt:" + namespace + ".npc:unactivated", "v1", "never");
		activate("", greeting);
		activate("", harbour);
		String greetingPath = "prompt/" + namespace + "/npc/greeting/v1.json";
		String harbourPath = "location/" + namespace + "/harbour/v2.json";
		String expectedRoot = sha256("{\"entries\":[" + entry(harbourPath, harbour.contentHash()) + ","
				+ entry(greetingPath, greeting.contentHash()) + "],\"hash_version\":\"policy_db_snapshot_hash_v2\"}");
		String expectedNpc = sha256("{\"entries\":[" + entry("greeting/v1.json", greeting.contentHash())
				+ "],\"hash_version\":\"policy_db_snapshot_hash_v2\"}");

		PolicyHashSnapshot snapshot = snapshots.hashSnapshot(world, "");

		assertThat(snapshot.rootHash()).isEqualTo(expectedRoot);
		assertThat(snapshot.hashVersion()).isEqualTo("policy_db_snapshot_hash_v2");
		assertThat(snapshot.canonicalRoot()).isEqualTo("canonical_db://" + world + "/effective-activations");
		assertThat(snapshot.fileCount()).isEqualTo(2);
		assertThat(snapshot.files()).extracting(File::path).containsExactly(harbourPath, greetingPath);
		assertThat(snapshot.directories()).extracting(Directory::path)
			.containsExactly("location", "location/" + namespace, "location/" + namespace + "/harbour", "prompt",
					"prompt/" + namespace, "prompt/" + namespace + "/npc", "prompt/" + namespace + "/npc/greeting");
		assertThat(snapshot.directories()).filteredOn(directory -> directory.path().equals("prompt/" + namespace + "/npc"))
			.singleElement()
			.isEqualTo(new Directory("prompt/" + namespace + "/npc", 1, expectedNpc));
	}

	@Test
	void givesTheSameRootHashForTheSameStateWhateverTheTime() throws InterruptedException {
		activate("", upsert("prompt:" + namespace + ":greeting", "v1", "hello"));

		PolicyHashSnapshot first = snapshots.hashSnapshot(world, "");
		Thread.sleep(5);
		PolicyHashSnapshot second = snapshots.hashSnapshot(world, "");

		assertThat(second.generatedAt()).isAfter(first.generatedAt());
		assertThat(second.rootHash()).isEqualTo(first.rootHash());
		assertThat(second.directories()).isEqualTo(first.directories());
	}

	@Test
	void changesTheRootHashWhenAnotherVariantIsActivated() {
		PolicyVariantView v1 = upsert("prompt:" + namespace + ":greeting", "v1", "hello");
		PolicyVariantView v2 = upsert("prompt:" + namespace + ":greeting", "v2", "hi");
		activate("", v1);
		String before = snapshots.hashSnapshot(world, "").rootHash();

		activate("", v2);

		assertThat(snapshots.hashSnapshot(world, "").rootHash()).isNotEqualTo(before);
	}

	@Test
	void overlaysAClientProfileOnTheWorldAndNamesItInTheCanonicalRoot() {
		PolicyVariantView v1 = upsert("prompt:" + namespace + ":greeting", "v1", "hello");
		PolicyVariantView v2 = upsert("prompt:" + namespace + ":greeting", "v2", "hi");
		PolicyVariantView harbour = upsert("location:" + namespace + ":harbour", "v1", "a harbour");
		activate("", v1);
		activate("", harbour);
		activate("web", v2);

		PolicyHashSnapshot web = snapshots.hashSnapshot(world, "web");

		assertThat(web.canonicalRoot()).isEqualTo("canonical_db://" + world + "/effective-activations/web");
		assertThat(web.clientProfile()).isEqualTo("web");
		assertThat(web.files()).extracting(File::path)
			.containsExactly("location/" + namespace + "/harbour/v1.json", "prompt/" + namespace + "/greeting/v2.json");
	}

	@Test
	void refusesAWorldThatDoesNotExist() {
		String unknown = "world-" + UUID.randomUUID();

		assertThatExceptionOfType(PolicyException.class).isThrownBy(() -> snapshots.hashSnapshot(unknown, ""))
			.extracting(PolicyException::code)
			.isEqualTo(PolicyErrorCode.POLICY_WORLD_NOT_FOUND);
	}

	PolicyVariantView upsert(String policyId, String variant, String text) {
		return policies.upsert(new UpsertPolicyVariant(policyId, variant, "1.0", 1, PolicyStatus.ACTIVE, Map.of("text", text),
				null, "alice"));
	}

	void activate(String clientProfile, PolicyVariantView variant) {
		activations.activate(new ActivatePolicy(world, clientProfile, variant.policyId(), variant.variant(), "op"));
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
