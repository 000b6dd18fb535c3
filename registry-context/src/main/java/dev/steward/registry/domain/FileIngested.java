package dev.steward.registry.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** A file's bytes were stored and the file added to its package: {@code v1.file.ingested}. */
public record FileIngested(PackageFile file, String actor) implements LoggedRegistryEvent {

	public static final String TYPE = "v1.file.ingested";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subjectKind() {
		return "package";
	}

	@Override
	public String subjectId() {
		return file.packageId().toString();
	}

	@Override
	public Map<String, Object> payload() {
		StoredBlob blob = file.blob();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("file_id", file.getId().toString());
		payload.put("relative_path", file.relativePath().value());
		payload.put("media_type", file.mediaType());
		payload.put("size_bytes", blob.sizeBytes());
		payload.put("digest_algorithm", StoredBlob.PRIMARY_ALGORITHM);
		payload.put("digest_primary_hex", blob.blake3Hex());
		payload.put("digest_sha256_hex", blob.sha256Hex());
		payload.put("backend_id", blob.backendId());
		payload.put("object_key", blob.objectKey());
		payload.put("storage_location_id", file.storageLocationId().toString());
		payload.put("retrieval_tier", file.retrievalTier());
		payload.put("storage_status", file.storageStatus());
		return payload;
	}
}
