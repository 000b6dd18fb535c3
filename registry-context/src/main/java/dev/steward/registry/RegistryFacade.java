package dev.steward.registry;

import dev.steward.kernel.Keyed;
import dev.steward.kernel.Page;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Packages of files: created with their metadata, filled file by file (the bytes go to a content-addressed blob
 * store), finalized into a canonical-CBOR manifest whose digest is the package's address, and purged when
 * retention says so. Every change appends its events to the registry event log in the transaction that updates the
 * views.
 */
public interface RegistryFacade {

	/**
	 * Creates a package in status {@code created}; appends {@code v1.package.created} and publishes
	 * {@link PackageCreated} in the same transaction.
	 * @throws RegistryException {@code PACKAGE_INVALID}, {@code METADATA_SCHEMA_NOT_FOUND}, {@code METADATA_INVALID}
	 */
	PackageView createPackage(CreatePackage command);

	Optional<PackageView> findPackage(String id);

	/** Up to {@code size} packages matching the filter, ordered by creation time then id, after a cursor's position. */
	Page<PackageView> packages(PackageFilter filter, @Nullable Map<String, ?> after, int size);

	/**
	 * Streams a file's bytes into the blob store chosen for the package (BLAKE3 and SHA-256 in one pass, never the
	 * whole file in memory; identical bytes are stored once), then records the file and appends
	 * {@code v1.file.ingested}.
	 * @throws RegistryException {@code PACKAGE_NOT_FOUND}, {@code ILLEGAL_PACKAGE_STATE}, {@code INVALID_RELATIVE_PATH},
	 * {@code DUPLICATE_RELATIVE_PATH}, {@code INVALID_MEDIA_TYPE}, {@code FILE_TOO_LARGE}
	 */
	Ingested ingestFile(IngestFile command, InputStream content);

	Optional<FileView> findFile(String id);

	/** The files of each package, ordered by relative path; a package with none maps to an empty list. */
	Map<PackageId, List<FileView>> filesOf(Collection<PackageId> packages);

	/**
	 * Builds the package's manifest, encodes it as deterministic CBOR, stores its digest as the package's address,
	 * and appends {@code v1.package.finalized} whose payload is the manifest.
	 * @throws RegistryException {@code PACKAGE_NOT_FOUND}, {@code ILLEGAL_PACKAGE_STATE}
	 */
	PackageView finalizePackage(String id, String actor);

	/**
	 * The package's manifest: the canonical CBOR bytes of its finalize event, or their RFC 8785 (JCS) JSON
	 * projection. The same bytes every time.
	 * @throws RegistryException {@code PACKAGE_NOT_FOUND}, {@code MANIFEST_NOT_FOUND}
	 */
	ManifestBytes manifest(String id, ManifestFormat format);

	/**
	 * Opens a file's bytes, or {@code length} of them from {@code offset}; the caller closes the stream.
	 * @throws RegistryException {@code FILE_NOT_FOUND} (also once its package is purged), {@code RANGE_NOT_SATISFIABLE}
	 */
	FileContent openContent(String fileId, long offset, @Nullable Long length);

	/**
	 * Purges a package, finalized or still {@code created}, as retention's deletion decides: deletes the blobs no other live package
	 * references, marks the package {@code purged} (a tombstone that keeps its metadata, and its manifest when
	 * {@code keepManifest}), and appends {@code v1.package.purged}. Joins the caller's transaction.
	 * @throws RegistryException {@code PACKAGE_NOT_FOUND}, {@code ILLEGAL_PACKAGE_STATE} once purged
	 */
	PackageView purgePackage(PackageId id, boolean keepManifest, String actor);

	/** As {@link #purgePackage(PackageId, boolean, String)}, recorded as done by {@code retention}. */
	default PackageView purgePackage(PackageId id, boolean keepManifest) {
		return purgePackage(id, keepManifest, "retention");
	}

	/**
	 * Rebuilds every registry view (metadata schemas, packages, files, storage locations) from the registry event
	 * log in scratch tables, in one snapshot, and reports every row the rebuild and the live views disagree on.
	 */
	RegistryViewsVerification verifyViews();

	/**
	 * Create a package; {@code metadata} is a JSON object (none is an empty one), checked against the metadata
	 * schema registered under {@code metadataSchema} when one is named.
	 */
	/**
	 * Create a package. With an {@code idempotencyKey}, the same request again (same caller, same values) returns the
	 * first one's package and creates nothing; the key with another request is {@code IDEMPOTENCY_KEY_REUSED}.
	 */
	record CreatePackage(String name, String producer, String subject, String retentionClass,
			@Nullable Object metadata, @Nullable String metadataSchema, String actor, @Nullable String idempotencyKey) {

		public CreatePackage(String name, String producer, String subject, String retentionClass,
				@Nullable Object metadata, @Nullable String metadataSchema, String actor) {
			this(name, producer, subject, retentionClass, metadata, metadataSchema, actor, null);
		}
	}

	/**
	 * What an upload did: stored a new file, or found the same bytes with the same media type at the path already
	 * (a retried upload), which it leaves as they were.
	 */
	record Ingested(FileView file, boolean created) {
	}

	/** Add one file to a package at a relative path; {@code mediaType} is the upload's Content-Type. */
	record IngestFile(String packageId, String relativePath, @Nullable String mediaType, String actor) {
	}

	/**
	 * Which packages to list; every field given must match. {@code metadataValue} compares with the text form of the
	 * metadata value under {@code metadataKey}; {@code metadataKey} alone matches packages that have the key.
	 */
	record PackageFilter(@Nullable String producer, @Nullable String subject, @Nullable String retentionClass,
			@Nullable String metadataKey, @Nullable String metadataValue) {

		public static PackageFilter none() {
			return new PackageFilter(null, null, null, null, null);
		}
	}

	/** A manifest's representation. */
	enum ManifestFormat {

		/** Deterministic CBOR, {@code application/cbor}: the bytes the package's address is the digest of. */
		CBOR,
		/** The RFC 8785 (JCS) JSON projection, {@code application/json}. */
		JSON;

		/**
		 * @throws RegistryException {@code MANIFEST_FORMAT_UNSUPPORTED} unless {@code cbor} or {@code json}
		 */
		public static ManifestFormat of(String text) {
			return switch (text) {
				case "cbor" -> CBOR;
				case "json" -> JSON;
				default -> throw new RegistryException(RegistryErrorCode.MANIFEST_FORMAT_UNSUPPORTED,
						"A manifest is served as cbor or json, not " + text);
			};
		}
	}

	/** A manifest's bytes in one format, and the package's address (the digest of the CBOR form). */
	record ManifestBytes(PackageId packageId, ManifestFormat format, byte[] bytes, String manifestDigest) {
	}

	/** A file's bytes (or a range of them) being read; close the stream. */
	record FileContent(FileView file, long offset, long length, InputStream stream) {
	}

	/**
	 * What a rebuild of the views from the log found.
	 * @param clean whether the rebuild and the live views agree on every row
	 * @param replayed how many log entries were replayed
	 */
	record RegistryViewsVerification(boolean clean, long replayed, List<ViewDifference> differences) {

		public RegistryViewsVerification {
			differences = List.copyOf(differences);
		}
	}

	/** A row the rebuild and a live view disagree on: {@code only in the log} or {@code only in the view}. */
	record ViewDifference(String view, String key, String problem) {
	}

	/** A package as clients see it. */
	record PackageView(PackageId id, String name, String producer, String subject, String retentionClass,
			Map<String, Object> metadata, @Nullable String metadataSchemaId, PackageStatus status,
			@Nullable String manifestDigest, Instant createdAt, String createdBy, @Nullable Instant finalizedAt,
			@Nullable Instant purgedAt) implements Keyed {

		/** Packages are listed by creation time (in microseconds since the epoch), then id. */
		@Override
		public Map<String, Object> keyset() {
			long micros = createdAt.getEpochSecond() * 1_000_000L + createdAt.getNano() / 1_000;
			return Map.of("createdAt", micros, "id", id.toString());
		}
	}

	/** A file of a package, with where its bytes are stored. */
	record FileView(FileId id, PackageId packageId, String relativePath, String mediaType, long sizeBytes,
			String digestAlgorithm, String digestPrimaryHex, String digestSha256Hex, String contentAddress,
			String storageLocationId, String backendId, String objectKey, String retrievalTier, String storageStatus,
			Instant createdAt, String createdBy) {
	}
}
