package dev.steward.registry.domain;

import dev.steward.registry.FileId;
import dev.steward.registry.domain.BlobStore.BlobDigests;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * Where one file's bytes are stored, and what their last verification found: {@code recorded} until verified,
 * then {@code verified} or {@code failed}; {@code purged} once its package is.
 */
public class StorageLocation extends AbstractAggregateRoot<StorageLocation>
		implements AggregateRoot<StorageLocation, StorageLocation.LocationId> {

	private final LocationId id;
	private final FileId fileId;
	private final StoredBlob expected;
	private String status;
	private @Nullable String mismatch;

	public StorageLocation(LocationId id, FileId fileId, StoredBlob expected, String status, @Nullable String mismatch) {
		this.id = id;
		this.fileId = fileId;
		this.expected = expected;
		this.status = status;
		this.mismatch = mismatch;
	}

	/**
	 * Records what a fresh read of the bytes gave: {@code verified} when size, BLAKE3 and SHA-256 all match what was
	 * ingested, {@code failed} otherwise or when they could not be read. Registers {@link StorageLocationVerified}.
	 * @param actual the fresh read, or null when it failed
	 * @param failure why the read failed, or null
	 */
	public void verify(@Nullable BlobDigests actual, @Nullable String failure, String actor) {
		String found = failure;
		if (found == null && actual != null) {
			if (actual.sizeBytes() != expected.sizeBytes()) {
				found = "size " + actual.sizeBytes() + " instead of " + expected.sizeBytes();
			}
			else if (!actual.blake3Hex().equals(expected.blake3Hex())) {
				found = "BLAKE3 " + actual.blake3Hex() + " instead of " + expected.blake3Hex();
			}
			else if (!actual.sha256Hex().equals(expected.sha256Hex())) {
				found = "SHA-256 " + actual.sha256Hex() + " instead of " + expected.sha256Hex();
			}
		}
		else if (found == null) {
			found = "nothing was read";
		}
		this.status = found == null ? "verified" : "failed";
		this.mismatch = found;
		registerEvent(new StorageLocationVerified(this, actual, actor));
	}

	@Override
	public LocationId getId() {
		return id;
	}

	public FileId fileId() {
		return fileId;
	}

	public StoredBlob expected() {
		return expected;
	}

	public String status() {
		return status;
	}

	public @Nullable String mismatch() {
		return mismatch;
	}

	public boolean verified() {
		return "verified".equals(status);
	}

	/** The id of a storage location. */
	public record LocationId(UUID id) implements Identifier {

		@Override
		public String toString() {
			return id.toString();
		}
	}

	/** A location was verified: {@code v1.storage.location_verified}, with the file as its subject. */
	public record StorageLocationVerified(StorageLocation location, @Nullable BlobDigests actual, String actor)
			implements LoggedRegistryEvent {

		public static final String TYPE = "v1.storage.location_verified";

		@Override
		public String type() {
			return TYPE;
		}

		@Override
		public String subjectKind() {
			return "storage";
		}

		@Override
		public String subjectId() {
			return location.fileId().toString();
		}

		@Override
		public Map<String, Object> payload() {
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("storage_location_id", location.getId().toString());
			payload.put("file_id", location.fileId().toString());
			payload.put("backend_id", location.expected().backendId());
			payload.put("content_address", location.expected().contentAddress());
			payload.put("verified", location.verified());
			payload.put("mismatch", location.mismatch());
			payload.put("actual_size_bytes", actual == null ? null : actual.sizeBytes());
			payload.put("actual_primary_hex", actual == null ? null : actual.blake3Hex());
			payload.put("actual_sha256_hex", actual == null ? null : actual.sha256Hex());
			return payload;
		}
	}
}
