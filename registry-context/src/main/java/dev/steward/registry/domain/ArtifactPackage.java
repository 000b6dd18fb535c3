package dev.steward.registry.domain;

import dev.steward.registry.FileId;
import dev.steward.registry.PackageId;
import dev.steward.registry.PackageStatus;
import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jmolecules.ddd.types.AggregateRoot;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A package: named files from one producer about one subject, with metadata and a retention class. It is
 * {@code created} while files are added, {@code finalized} once its manifest is fixed, and {@code purged} when
 * retention deletes its bytes (a tombstone stays).
 */
public class ArtifactPackage extends AbstractAggregateRoot<ArtifactPackage>
		implements AggregateRoot<ArtifactPackage, PackageId> {

	/** The most characters of a name, producer, subject or retention class. */
	public static final int MAX_FIELD_LENGTH = 256;

	private final PackageId id;
	private final String name;
	private final String producer;
	private final String subject;
	private final String retentionClass;
	private final Map<String, Object> metadata;
	private final @Nullable UUID metadataSchemaId;
	private PackageStatus status;
	private @Nullable String manifestDigest;
	private byte @Nullable [] manifestCbor;
	private final Instant createdAt;
	private final String createdBy;
	private @Nullable Instant finalizedAt;
	private @Nullable Instant purgedAt;

	/**
	 * A new package in status {@code created}; registers {@link PackageRecorded}. {@code createdAt} is provisional
	 * until the log stamps the creation event.
	 * @throws RegistryException {@code PACKAGE_INVALID} for a blank or too long field
	 */
	public static ArtifactPackage create(String name, String producer, String subject, String retentionClass,
			Map<String, Object> metadata, @Nullable MetadataSchema schema, String actor, Instant now) {
		ArtifactPackage created = new ArtifactPackage(PackageId.random(), field("name", name),
				field("producer", producer), field("subject", subject), field("retentionClass", retentionClass),
				new LinkedHashMap<>(metadata), schema == null ? null : schema.getId().id(), PackageStatus.CREATED, null, null,
				now, actor, null, null);
		created.registerEvent(new PackageRecorded(created.id, created.name, created.producer, created.subject,
				created.retentionClass, created.metadata, created.metadataSchemaId, actor));
		return created;
	}

	/** A package as it was stored. */
	public ArtifactPackage(PackageId id, String name, String producer, String subject, String retentionClass,
			Map<String, Object> metadata, @Nullable UUID metadataSchemaId, PackageStatus status,
			@Nullable String manifestDigest, byte @Nullable [] manifestCbor, Instant createdAt, String createdBy,
			@Nullable Instant finalizedAt, @Nullable Instant purgedAt) {
		this.id = id;
		this.name = name;
		this.producer = producer;
		this.subject = subject;
		this.retentionClass = retentionClass;
		this.metadata = metadata;
		this.metadataSchemaId = metadataSchemaId;
		this.status = status;
		this.manifestDigest = manifestDigest;
		this.manifestCbor = manifestCbor;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
		this.finalizedAt = finalizedAt;
		this.purgedAt = purgedAt;
	}

	private static String field(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new RegistryException(RegistryErrorCode.PACKAGE_INVALID, "A package needs a " + field);
		}
		if (value.length() > MAX_FIELD_LENGTH || !value.strip().equals(value)) {
			throw new RegistryException(RegistryErrorCode.PACKAGE_INVALID, "A package's " + field + " is 1 to "
					+ MAX_FIELD_LENGTH + " characters without surrounding whitespace");
		}
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				throw new RegistryException(RegistryErrorCode.PACKAGE_INVALID,
						"A package's " + field + " must not hold control characters");
			}
		}
		return value;
	}

	/**
	 * Adds a file whose bytes are stored already; the package must be {@code created}. The new file registers
	 * {@link FileIngested}.
	 * @throws RegistryException {@code ILLEGAL_PACKAGE_STATE}
	 */
	public PackageFile ingest(RelativePath path, String mediaType, StoredBlob blob, String actor, Instant now) {
		requireStatus(PackageStatus.CREATED, "add a file to");
		return PackageFile.ingested(FileId.random(), id, path, mediaType, blob, actor, now);
	}

	/**
	 * Fixes the package's manifest; the package must be {@code created}. Registers {@link PackageFinalized}, whose
	 * payload is the manifest.
	 * @throws RegistryException {@code ILLEGAL_PACKAGE_STATE}
	 */
	public void finalizeWith(Manifest manifest, String actor) {
		requireStatus(PackageStatus.CREATED, "finalize");
		this.status = PackageStatus.FINALIZED;
		this.manifestCbor = manifest.cbor();
		this.manifestDigest = manifest.digest();
		this.finalizedAt = manifest.finalizedAt();
		registerEvent(new PackageFinalized(id, manifest, actor));
	}

	/**
	 * Marks a finalized package purged after its blobs are gone; the tombstone keeps its metadata, and its
	 * manifest when {@code keepManifest}. Registers {@link PackagePurged}.
	 * @throws RegistryException {@code ILLEGAL_PACKAGE_STATE} unless finalized
	 */
	public void purge(boolean keepManifest, java.util.List<String> deletedObjectKeys, String actor, Instant now) {
		requireStatus(PackageStatus.FINALIZED, "purge");
		this.status = PackageStatus.PURGED;
		this.purgedAt = now;
		if (!keepManifest) {
			this.manifestCbor = null;
		}
		registerEvent(new PackagePurged(id, keepManifest, deletedObjectKeys, actor));
	}

	/** @throws RegistryException {@code ILLEGAL_PACKAGE_STATE} unless the package is {@code required} */
	public void requireStatus(PackageStatus required, String action) {
		if (status != required) {
			throw new RegistryException(RegistryErrorCode.ILLEGAL_PACKAGE_STATE, "Cannot " + action + " package " + id
					+ ": it is " + status.wire() + ", not " + required.wire());
		}
	}

	@Override
	public PackageId getId() {
		return id;
	}

	public String name() {
		return name;
	}

	public String producer() {
		return producer;
	}

	public String subject() {
		return subject;
	}

	public String retentionClass() {
		return retentionClass;
	}

	public Map<String, Object> metadata() {
		return metadata;
	}

	public @Nullable UUID metadataSchemaId() {
		return metadataSchemaId;
	}

	public PackageStatus status() {
		return status;
	}

	public @Nullable String manifestDigest() {
		return manifestDigest;
	}

	public byte @Nullable [] manifestCbor() {
		return manifestCbor;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public @Nullable Instant finalizedAt() {
		return finalizedAt;
	}

	public @Nullable Instant purgedAt() {
		return purgedAt;
	}
}
