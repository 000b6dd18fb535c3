package dev.steward.registry.domain;

import dev.steward.registry.FileId;
import dev.steward.registry.PackageId;
import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jmolecules.ddd.types.AggregateRoot;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A file of a package: its relative path (unique in the package), media type, size and digests, and the one
 * storage location of its bytes. Files never change; a purge marks their location purged.
 */
public class PackageFile extends AbstractAggregateRoot<PackageFile> implements AggregateRoot<PackageFile, FileId> {

	public static final String HOT_TIER = "hot";

	public static final String RECORDED = "recorded";

	private static final Pattern MEDIA_TYPE = Pattern
		.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(;[ -~]{0,256})?");

	private final FileId id;
	private final PackageId packageId;
	private final RelativePath relativePath;
	private final String mediaType;
	private final StoredBlob blob;
	private final UUID storageLocationId;
	private final String retrievalTier;
	private final String storageStatus;
	private final Instant createdAt;
	private final String createdBy;

	static PackageFile ingested(FileId id, PackageId packageId, RelativePath path, String mediaType, StoredBlob blob,
			String actor, Instant now) {
		PackageFile file = new PackageFile(id, packageId, path, mediaType(mediaType), blob, UUID.randomUUID(),
				HOT_TIER, RECORDED, now, actor);
		file.registerEvent(new FileIngested(file, actor));
		return file;
	}

	public PackageFile(FileId id, PackageId packageId, RelativePath relativePath, String mediaType, StoredBlob blob,
			UUID storageLocationId, String retrievalTier, String storageStatus, Instant createdAt, String createdBy) {
		this.id = id;
		this.packageId = packageId;
		this.relativePath = relativePath;
		this.mediaType = mediaType;
		this.blob = blob;
		this.storageLocationId = storageLocationId;
		this.retrievalTier = retrievalTier;
		this.storageStatus = storageStatus;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	/**
	 * A media type as an upload's Content-Type gives it, {@code application/octet-stream} when none is given.
	 * @throws RegistryException {@code INVALID_MEDIA_TYPE} unless it is {@code type/subtype} with optional parameters
	 */
	public static String mediaType(String text) {
		if (text == null || text.isBlank()) {
			return "application/octet-stream";
		}
		if (!MEDIA_TYPE.matcher(text).matches()) {
			throw new RegistryException(RegistryErrorCode.INVALID_MEDIA_TYPE,
					"A media type is type/subtype with optional parameters, at most 512 characters");
		}
		return text;
	}

	@Override
	public FileId getId() {
		return id;
	}

	public PackageId packageId() {
		return packageId;
	}

	public RelativePath relativePath() {
		return relativePath;
	}

	public String mediaType() {
		return mediaType;
	}

	public StoredBlob blob() {
		return blob;
	}

	public UUID storageLocationId() {
		return storageLocationId;
	}

	public String retrievalTier() {
		return retrievalTier;
	}

	public String storageStatus() {
		return storageStatus;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}
}
