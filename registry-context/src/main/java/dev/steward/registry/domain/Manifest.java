package dev.steward.registry.domain;

import dev.steward.kernel.CanonicalCbor;
import dev.steward.registry.PackageRetention.ActiveHold;
import dev.steward.registry.PackageRetention.RetentionSummary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jmolecules.ddd.types.ValueObject;
import org.jspecify.annotations.Nullable;

/**
 * A finalized package's manifest: the package, its files ordered by relative path (bytewise, as UTF-8), their
 * storage receipts ordered by file id, its retention summary and provenance. Its deterministic CBOR encoding (RFC
 * 8949 §4.2.1) is what the finalize event's payload holds, and the BLAKE3 of those bytes, {@code blake3:<hex>}, is
 * the package's address.
 */
public record Manifest(Map<String, Object> content, byte[] cbor, String digest, Instant finalizedAt)
		implements ValueObject {

	public static final int VERSION = 1;

	/**
	 * The manifest of a package being finalized at {@code finalizedAt} by {@code actor}.
	 * @param files the package's files
	 */
	public static Manifest of(ArtifactPackage pkg, List<PackageFile> files, RetentionSummary retention,
			Instant finalizedAt, String actor, ContentDigests digests) {
		Map<String, Object> packageEntry = new LinkedHashMap<>();
		packageEntry.put("id", pkg.getId().toString());
		packageEntry.put("name", pkg.name());
		packageEntry.put("producer", pkg.producer());
		packageEntry.put("subject", pkg.subject());
		packageEntry.put("retention_class", pkg.retentionClass());
		packageEntry.put("status", "finalized");
		packageEntry.put("created_at", time(pkg.createdAt()));
		packageEntry.put("finalized_at", time(finalizedAt));
		packageEntry.put("expires_at", time(retention.expiresAt()));
		packageEntry.put("metadata", pkg.metadata());
		packageEntry.put("metadata_schema_id",
				pkg.metadataSchemaId() == null ? null : pkg.metadataSchemaId().toString());

		List<PackageFile> byPath = new ArrayList<>(files);
		byPath.sort(Comparator.comparing(file -> file.relativePath().value().getBytes(StandardCharsets.UTF_8),
				Arrays::compareUnsigned));
		List<Object> fileEntries = new ArrayList<>();
		for (PackageFile file : byPath) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", file.getId().toString());
			entry.put("relative_path", file.relativePath().value());
			entry.put("media_type", file.mediaType());
			entry.put("size_bytes", file.blob().sizeBytes());
			entry.put("digest_algorithm", StoredBlob.PRIMARY_ALGORITHM);
			entry.put("digest_primary_hex", file.blob().blake3Hex());
			entry.put("digest_sha256_hex", file.blob().sha256Hex());
			fileEntries.add(entry);
		}

		List<PackageFile> byId = new ArrayList<>(files);
		byId.sort(Comparator.comparing(file -> file.getId().toString()));
		List<Object> receipts = new ArrayList<>();
		for (PackageFile file : byId) {
			Map<String, Object> receipt = new LinkedHashMap<>();
			receipt.put("file_id", file.getId().toString());
			receipt.put("backend_id", file.blob().backendId());
			receipt.put("content_address", file.blob().contentAddress());
			receipt.put("retrieval_tier", file.retrievalTier());
			receipt.put("status", file.storageStatus());
			receipts.add(receipt);
		}

		List<Object> holds = new ArrayList<>();
		for (ActiveHold hold : retention.activeHolds()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("hold_id", hold.holdId().toString());
			entry.put("reason", hold.reason());
			entry.put("applied_at", time(hold.appliedAt()));
			holds.add(entry);
		}
		Map<String, Object> retentionEntry = new LinkedHashMap<>();
		retentionEntry.put("retention_class", retention.retentionClass());
		retentionEntry.put("expires_at", time(retention.expiresAt()));
		retentionEntry.put("active_holds", holds);
		retentionEntry.put("last_retention_event_sequence", retention.lastRetentionEventSequence());

		Map<String, Object> provenance = new LinkedHashMap<>();
		provenance.put("source_commits", Map.of());
		provenance.put("tool_versions", Map.of());
		provenance.put("environment", Map.of());
		provenance.put("ingest_actor", actor);
		provenance.put("ingest_timestamps", Map.of("finalized_at", time(finalizedAt)));

		Map<String, Object> content = new LinkedHashMap<>();
		content.put("manifest_version", VERSION);
		content.put("package", packageEntry);
		content.put("files", fileEntries);
		content.put("storage_receipts", receipts);
		content.put("retention_summary", retentionEntry);
		content.put("provenance", provenance);
		byte[] cbor = CanonicalCbor.encode(content);
		return new Manifest(content, cbor, digests.addressOf(cbor), finalizedAt);
	}

	/** Times as the manifest writes them: ISO 8601 in UTC, e.g. {@code 2026-11-29T00:12:03.123456Z}. */
	static @Nullable String time(@Nullable Instant instant) {
		return instant == null ? null : instant.toString();
	}
}
