package dev.steward.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.kernel.CanonicalCbor;
import dev.steward.kernel.Digests;
import dev.steward.registry.FileId;
import dev.steward.registry.PackageId;
import dev.steward.registry.PackageRetention.ActiveHold;
import dev.steward.registry.PackageRetention.RetentionSummary;
import dev.steward.registry.PackageStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManifestTests {

	static final ContentDigests SHA256 = bytes -> "sha256:" + Digests.sha256Hex(bytes);

	static final Instant CREATED = Instant.parse("2026-11-29T00:00:00.123456Z");

	static final Instant FINALIZED = Instant.parse("2026-11-29T01:00:00Z");

	static final PackageId ID = new PackageId(UUID.fromString("6f0c7a5e-0000-4000-8000-000000000001"));

	static ArtifactPackage pkg(Map<String, Object> metadata) {
		return new ArtifactPackage(ID, "build", "ci", "svc", "standard", metadata, null, PackageStatus.CREATED, null,
				null, CREATED, "tester", null, null);
	}

	static PackageFile file(String uuid, String path) {
		return new PackageFile(new FileId(UUID.fromString(uuid)), ID, RelativePath.of(path), "text/plain",
				new StoredBlob(1, "ab".repeat(32), "cd".repeat(32), "filesystem", StoredBlob.objectKeyOf("ab".repeat(32))),
				UUID.fromString(uuid), "hot", "recorded", CREATED, "tester");
	}

	static final RetentionSummary NO_HOLDS = new RetentionSummary("standard", null, List.of());

	@Test
	void givesTheSameBytesWhateverOrderItsMapsWereFilledIn() {
		Map<String, Object> forward = new LinkedHashMap<>();
		forward.put("alpha", 1);
		forward.put("beta", Map.of("x", 1.5, "y", List.of("a", "b")));
		forward.put("gamma", true);
		Map<String, Object> backward = new LinkedHashMap<>();
		backward.put("gamma", true);
		Map<String, Object> nested = new LinkedHashMap<>();
		nested.put("y", List.of("a", "b"));
		nested.put("x", 1.5);
		backward.put("beta", nested);
		backward.put("alpha", 1L);

		Manifest one = Manifest.of(pkg(forward), List.of(), NO_HOLDS, FINALIZED, "tester", SHA256);
		Manifest other = Manifest.of(pkg(backward), List.of(), NO_HOLDS, FINALIZED, "tester", SHA256);

		assertThat(one.cbor()).isEqualTo(other.cbor());
		assertThat(one.digest()).isEqualTo(other.digest()).isEqualTo("sha256:" + Digests.sha256Hex(one.cbor()));
		assertThat(CanonicalCbor.isDeterministic(one.cbor())).isTrue();
	}

	@Test
	void ordersFilesByPathAndReceiptsByFileIdWhateverOrderTheyCameIn() {
		PackageFile b = file("00000000-0000-4000-8000-00000000000a", "b.txt");
		PackageFile a = file("00000000-0000-4000-8000-00000000000b", "a.txt");

		Manifest one = Manifest.of(pkg(Map.of()), List.of(a, b), NO_HOLDS, FINALIZED, "tester", SHA256);
		Manifest other = Manifest.of(pkg(Map.of()), List.of(b, a), NO_HOLDS, FINALIZED, "tester", SHA256);

		assertThat(one.cbor()).isEqualTo(other.cbor());
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> files = (List<Map<String, Object>>) CanonicalCbor.decodeMap(one.cbor()).get("files");
		assertThat(files).extracting(file -> file.get("relative_path")).containsExactly("a.txt", "b.txt");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> receipts = (List<Map<String, Object>>) CanonicalCbor.decodeMap(one.cbor())
			.get("storage_receipts");
		assertThat(receipts).extracting(receipt -> receipt.get("file_id"))
			.containsExactly("00000000-0000-4000-8000-00000000000a", "00000000-0000-4000-8000-00000000000b");
	}

	@Test
	void recordsTheActiveHoldsAndTheFinalizeTime() {
		UUID hold = UUID.randomUUID();
		RetentionSummary held = new RetentionSummary("legal", Instant.parse("2027-01-01T00:00:00Z"),
				List.of(new ActiveHold(hold, "litigation", CREATED)));

		Manifest manifest = Manifest.of(pkg(Map.of()), List.of(), held, FINALIZED, "tester", SHA256);

		Map<String, Object> content = CanonicalCbor.decodeMap(manifest.cbor());
		@SuppressWarnings("unchecked")
		Map<String, Object> retention = (Map<String, Object>) content.get("retention_summary");
		assertThat(retention).containsEntry("retention_class", "legal")
			.containsEntry("expires_at", "2027-01-01T00:00:00Z")
			.containsEntry("active_holds",
					List.of(Map.of("hold_id", hold.toString(), "reason", "litigation", "applied_at", CREATED.toString())));
		@SuppressWarnings("unchecked")
		Map<String, Object> described = (Map<String, Object>) content.get("package");
		assertThat(described).containsEntry("finalized_at", "2026-11-29T01:00:00Z")
			.containsEntry("created_at", "2026-11-29T00:00:00.123456Z")
			.containsEntry("expires_at", "2027-01-01T00:00:00Z");
	}
}
