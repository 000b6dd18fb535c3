package dev.steward.registry;

import dev.steward.kernel.events.LogEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The registry event log's types, and typed readers of its entries: each turns an entry of one type into what it
 * records, and says nothing (empty) about an entry of any other type.
 */
public final class RegistryEvents {

	public static final String PACKAGE_CREATED = "v1.package.created";

	public static final String FILE_INGESTED = "v1.file.ingested";

	public static final String PACKAGE_FINALIZED = "v1.package.finalized";

	public static final String PACKAGE_PURGED = "v1.package.purged";

	public static final String LOCATION_VERIFIED = "v1.storage.location_verified";

	public static final String METADATA_SCHEMA_REGISTERED = "v1.metadata_schema.registered";

	/** Every type the registry appends. */
	public static final List<String> TYPES = List.of(PACKAGE_CREATED, FILE_INGESTED, PACKAGE_FINALIZED, PACKAGE_PURGED,
			LOCATION_VERIFIED, METADATA_SCHEMA_REGISTERED);

	private RegistryEvents() {}

	/** A package's creation: the package and its retention class. */
	public static Optional<Created> created(LogEntry entry) {
		if (!entry.type().equals(PACKAGE_CREATED)) {
			return Optional.empty();
		}
		Map<String, Object> payload = entry.payload();
		return Optional.of(new Created(PackageId.parse(entry.subjectId()), (String) payload.get("name"),
				(String) payload.get("producer"), (String) payload.get("subject"),
				(String) payload.get("retention_class"), entry.createdAt()));
	}

	/** A file's ingestion: its package, id, path, size and content address. */
	public static Optional<Ingested> ingested(LogEntry entry) {
		if (!entry.type().equals(FILE_INGESTED)) {
			return Optional.empty();
		}
		Map<String, Object> payload = entry.payload();
		return Optional.of(new Ingested(PackageId.parse(entry.subjectId()), FileId.parse((String) payload.get("file_id")),
				(String) payload.get("relative_path"), ((Number) payload.get("size_bytes")).longValue(),
				payload.get("digest_algorithm") + ":" + payload.get("digest_primary_hex")));
	}

	/** A package's finalization: its manifest's canonical CBOR (the entry's payload) and the manifest itself. */
	public static Optional<Finalized> finalized(LogEntry entry) {
		if (!entry.type().equals(PACKAGE_FINALIZED)) {
			return Optional.empty();
		}
		return Optional.of(new Finalized(PackageId.parse(entry.subjectId()), entry.payloadCbor(), entry.payload()));
	}

	/** A package's purge. */
	@SuppressWarnings("unchecked")
	public static Optional<Purged> purged(LogEntry entry) {
		if (!entry.type().equals(PACKAGE_PURGED)) {
			return Optional.empty();
		}
		Map<String, Object> payload = entry.payload();
		return Optional.of(new Purged(PackageId.parse(entry.subjectId()), Boolean.TRUE.equals(payload.get("keep_manifest")),
				(List<String>) payload.get("deleted_object_keys")));
	}

	/** A storage verification of one file's location. */
	public static Optional<LocationVerified> locationVerified(LogEntry entry) {
		if (!entry.type().equals(LOCATION_VERIFIED)) {
			return Optional.empty();
		}
		Map<String, Object> payload = entry.payload();
		return Optional.of(new LocationVerified(FileId.parse(entry.subjectId()), (String) payload.get("backend_id"),
				(String) payload.get("content_address"), Boolean.TRUE.equals(payload.get("verified")),
				(String) payload.get("mismatch")));
	}

	public record Created(PackageId packageId, String name, String producer, String subject, String retentionClass,
			java.time.Instant createdAt) {
	}

	public record Ingested(PackageId packageId, FileId fileId, String relativePath, long sizeBytes,
			String contentAddress) {
	}

	public record Finalized(PackageId packageId, byte[] manifestCbor, Map<String, Object> manifest) {
	}

	public record Purged(PackageId packageId, boolean keepManifest, List<String> deletedObjectKeys) {
	}

	public record LocationVerified(FileId fileId, String backendId, String contentAddress, boolean verified,
			@Nullable String mismatch) {
	}
}
