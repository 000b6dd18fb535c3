package dev.steward.registry.application;

import dev.steward.kernel.CanonicalCbor;
import dev.steward.kernel.Keyset;
import dev.steward.kernel.Page;
import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.IdempotentCommands;
import dev.steward.kernel.events.LogEntry;
import dev.steward.registry.FileId;
import dev.steward.registry.PackageCreated;
import dev.steward.registry.PackageId;
import dev.steward.registry.PackageRetention;
import dev.steward.registry.PackageStatus;
import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryEvents;
import dev.steward.registry.RegistryException;
import dev.steward.registry.RegistryFacade;
import dev.steward.registry.domain.ArtifactPackage;
import dev.steward.registry.domain.ArtifactPackages;
import dev.steward.registry.domain.BlobStore;
import dev.steward.registry.domain.BlobStores;
import dev.steward.registry.domain.ContentDigests;
import dev.steward.registry.domain.Manifest;
import dev.steward.registry.domain.ManifestProjection;
import dev.steward.registry.domain.MetadataCheck;
import dev.steward.registry.domain.MetadataSchema;
import dev.steward.registry.domain.MetadataSchemas;
import dev.steward.registry.domain.PackageFile;
import dev.steward.registry.domain.PackageFiles;
import dev.steward.registry.domain.RegistryLimits;
import dev.steward.registry.domain.RegistryViewRebuild;
import dev.steward.registry.domain.RelativePath;
import dev.steward.registry.domain.StoredBlob;
import dev.steward.registry.domain.TransactionClock;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Packages, their files and manifests. An upload streams its bytes into the blob store outside any transaction (so
 * no connection waits on a client's upload), then records the file in one; every other change is one
 * transaction.
 */
@Service
class RegistryManagement implements RegistryFacade {

	private static final Logger LOG = LoggerFactory.getLogger(RegistryManagement.class);

	private final ArtifactPackages packages;

	private final PackageFiles files;

	private final MetadataSchemas schemas;

	private final MetadataCheck metadataCheck;

	private final BlobStores stores;

	private final PackageRetention retention;

	private final ManifestProjection projection;

	private final TransactionClock transactionClock;

	private final ContentDigests digests;

	private final RegistryLimits limits;

	private final ApplicationEventPublisher events;

	private final RegistryViewRebuild viewRebuild;

	private final TransactionTemplate writing;

	private final TransactionTemplate reading;

	private final IdempotentCommands idempotent;

	private final Clock clock = Clock.systemUTC();

	RegistryManagement(ArtifactPackages packages, PackageFiles files, MetadataSchemas schemas,
			MetadataCheck metadataCheck, BlobStores stores, PackageRetention retention, ManifestProjection projection,
			TransactionClock transactionClock, ContentDigests digests, RegistryLimits limits, ApplicationEventPublisher events,
			RegistryViewRebuild viewRebuild, PlatformTransactionManager transactions,
			@Qualifier("registryEventLog") EventLog log) {
		this.viewRebuild = viewRebuild;
		this.idempotent = new IdempotentCommands(log);
		this.packages = packages;
		this.files = files;
		this.schemas = schemas;
		this.metadataCheck = metadataCheck;
		this.stores = stores;
		this.retention = retention;
		this.projection = projection;
		this.transactionClock = transactionClock;
		this.digests = digests;
		this.limits = limits;
		this.events = events;
		this.writing = new TransactionTemplate(transactions);
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
	}

	@Override
	@SuppressWarnings("unchecked")
	public PackageView createPackage(CreatePackage command) {
		Object normalized = CanonicalCbor.normalize(Objects.requireNonNullElse(command.metadata(), Map.of()),
				"metadata");
		if (!(normalized instanceof Map<?, ?> metadata)) {
			throw new RegistryException(RegistryErrorCode.METADATA_INVALID, "A package's metadata is a JSON object");
		}
		return idempotent.run(command.idempotencyKey(), command.actor(), RegistryEvents.PACKAGE_CREATED, () -> write(() -> {
			MetadataSchema schema = null;
			if (command.metadataSchema() != null) {
				schema = schemas.findBySlug(command.metadataSchema())
					.orElseThrow(() -> new RegistryException(RegistryErrorCode.METADATA_SCHEMA_NOT_FOUND,
							"There is no metadata schema " + command.metadataSchema()));
				List<String> errors = metadataCheck.check(schema.jsonSchema(), (Map<String, Object>) metadata);
				if (!errors.isEmpty()) {
					throw new RegistryException(RegistryErrorCode.METADATA_INVALID, "The metadata does not satisfy "
							+ "the metadata schema " + schema.slug() + ": " + String.join("; ", errors));
				}
			}
			ArtifactPackage pkg = ArtifactPackage.create(command.name(), command.producer(), command.subject(),
					command.retentionClass(), (Map<String, Object>) metadata, schema, command.actor(), clock.instant());
			packages.save(pkg);
			PackageView created = view(packages.findById(pkg.getId()).orElseThrow());
			events.publishEvent(new PackageCreated(created.id(), created.retentionClass(), created.createdAt()));
			return created;
		}), entry -> firstCreated(entry, command, metadata));
	}

	/** The package the entry created, if the entry records the same request as {@code command}. */
	private Optional<PackageView> firstCreated(LogEntry entry, CreatePackage command, Map<?, ?> metadata) {
		Map<String, Object> payload = entry.payload();
		Optional<UUID> schemaId = command.metadataSchema() == null ? Optional.empty()
				: read(() -> schemas.findBySlug(command.metadataSchema())).map(found -> found.getId().id());
		boolean same = command.name().equals(payload.get("name")) && command.producer().equals(payload.get("producer"))
				&& command.subject().equals(payload.get("subject"))
				&& command.retentionClass().equals(payload.get("retention_class"))
				&& Arrays.equals(CanonicalCbor.encode(metadata), CanonicalCbor.encode(payload.get("metadata")))
				&& Objects.equals(schemaId.map(UUID::toString).orElse(null), payload.get("metadata_schema_id"));
		return same ? findPackage(entry.subjectId()) : Optional.empty();
	}

	@Override
	public Optional<PackageView> findPackage(String id) {
		return read(() -> parsePackageId(id).flatMap(packages::findById).map(RegistryManagement::view));
	}

	@Override
	public Page<PackageView> packages(PackageFilter filter, @Nullable Map<String, ?> after, int size) {
		Page.checkSize(size);
		Keyset position = Keyset.of(after);
		Long afterMicros = position == null ? null : position.number("createdAt");
		String afterId = position == null ? null : position.text("id");
		ArtifactPackages.Filter query = new ArtifactPackages.Filter(filter.producer(), filter.subject(),
				filter.retentionClass(), filter.metadataKey(), filter.metadataValue());
		List<ArtifactPackage> read = read(() -> packages.list(query, afterMicros, afterId, size + 1));
		return Page.of(read, size, position != null).map(RegistryManagement::view);
	}

	@Override
	public Ingested ingestFile(IngestFile command, InputStream content) {
		PackageId id = PackageId.parse(command.packageId());
		RelativePath path = RelativePath.of(command.relativePath());
		String mediaType = PackageFile.mediaType(command.mediaType());
		ArtifactPackage pkg = read(() -> {
			ArtifactPackage found = packages.findById(id).orElseThrow(() -> packageNotFound(id.toString()));
			found.requireStatus(PackageStatus.CREATED, "add a file to");
			return found;
		});
		BlobStore store = stores.forPackage(pkg.producer(), pkg.retentionClass());
		StoredBlob blob = store.put(content, limits.maxFileBytes());
		return write(() -> {
			ArtifactPackage locked = packages.requireLocked(id);
			Optional<PackageFile> existing = files.atPath(id, path);
			if (existing.isPresent()) {
				// a retried upload of the same bytes finds its file; anything else at a taken path is refused
				PackageFile file = existing.get();
				if (file.blob().blake3Hex().equals(blob.blake3Hex()) && file.blob().sizeBytes() == blob.sizeBytes()
						&& file.mediaType().equals(mediaType)) {
					return new Ingested(view(file), false);
				}
				throw duplicatePath(id, path);
			}
			PackageFile file = locked.ingest(path, mediaType, blob, command.actor(), clock.instant());
			files.save(file);
			return new Ingested(view(files.findById(file.getId()).orElseThrow()), true);
		});
	}

	@Override
	public Optional<FileView> findFile(String id) {
		return read(() -> parseFileId(id).flatMap(files::findById).map(RegistryManagement::view));
	}

	@Override
	public Map<PackageId, List<FileView>> filesOf(Collection<PackageId> ids) {
		Map<PackageId, List<FileView>> result = new LinkedHashMap<>();
		ids.forEach(id -> result.put(id, new ArrayList<>()));
		if (ids.isEmpty()) {
			return result;
		}
		List<PackageFile> found = read(() -> files.ofPackages(Set.copyOf(ids)));
		for (PackageFile file : found) {
			result.get(file.packageId()).add(view(file));
		}
		return result;
	}

	@Override
	public PackageView finalizePackage(String id, String actor) {
		PackageId packageId = PackageId.parse(id);
		return write(() -> {
			ArtifactPackage pkg = packages.requireLocked(packageId);
			pkg.requireStatus(PackageStatus.CREATED, "finalize");
			List<PackageFile> contents = files.ofPackages(List.of(packageId));
			PackageRetention.RetentionSummary summary = retention.summaryFor(packageId, pkg.retentionClass());
			Manifest manifest = Manifest.of(pkg, contents, summary, transactionClock.forNextEvent(), actor, digests);
			pkg.finalizeWith(manifest, actor);
			packages.save(pkg);
			return view(packages.findById(packageId).orElseThrow());
		});
	}

	@Override
	public ManifestBytes manifest(String id, ManifestFormat format) {
		ArtifactPackage pkg = read(() -> packages.findById(PackageId.parse(id)))
			.orElseThrow(() -> packageNotFound(id));
		byte[] cbor = pkg.manifestCbor();
		if (cbor == null || pkg.manifestDigest() == null) {
			throw new RegistryException(RegistryErrorCode.MANIFEST_NOT_FOUND, "Package " + id + " has no manifest: it is "
					+ pkg.status().wire() + (pkg.status() == PackageStatus.PURGED ? " without it" : ""));
		}
		byte[] bytes = format == ManifestFormat.CBOR ? cbor : projection.jcs(cbor);
		return new ManifestBytes(pkg.getId(), format, bytes, pkg.manifestDigest());
	}

	@Override
	public FileContent openContent(String fileId, long offset, @Nullable Long length) {
		FileView file = findFile(fileId).filter(found -> !found.storageStatus().equals("purged"))
			.orElseThrow(() -> new RegistryException(RegistryErrorCode.FILE_NOT_FOUND, "There is no file " + fileId));
		if (file.storageStatus().equals("failed")) {
			// bytes known not to match their digest are never served under it (nor under its ETag)
			throw new RegistryException(RegistryErrorCode.STORAGE_UNAVAILABLE, "The bytes of file " + fileId
					+ " failed their last verification; they are served again once verifyStorage finds them intact");
		}
		long size = file.sizeBytes();
		long count = length == null ? size - offset : length;
		if (offset < 0 || count < 0 || offset + count > size || (offset >= size && size > 0)) {
			throw new RegistryException(RegistryErrorCode.RANGE_NOT_SATISFIABLE,
					"The range lies outside the file's " + size + " bytes");
		}
		BlobStore store = stores.byId(file.backendId())
			.orElseThrow(() -> new RegistryException(RegistryErrorCode.STORAGE_UNAVAILABLE,
					"The file's store " + file.backendId() + " is not configured"));
		return new FileContent(file, offset, count, store.open(file.objectKey(), offset, count));
	}

	@Override
	@Transactional
	public PackageView purgePackage(PackageId id, boolean keepManifest) {
		return purgePackage(id, keepManifest, "retention");
	}

	@Override
	@Transactional
	public PackageView purgePackage(PackageId id, boolean keepManifest, String actor) {
		ArtifactPackage pkg = packages.requireLocked(id);
		List<PackageFile> contents = files.ofPackages(List.of(id));
		Set<StoredBlob> toDelete = new LinkedHashSet<>();
		for (PackageFile file : contents) {
			StoredBlob blob = file.blob();
			if (!files.referencedElsewhere(blob.backendId(), blob.objectKey(), id)) {
				toDelete.add(new StoredBlob(0, "", "", blob.backendId(), blob.objectKey()));
			}
		}
		pkg.purge(keepManifest, toDelete.stream().map(StoredBlob::objectKey).distinct().toList(), actor,
				clock.instant());
		files.markPurged(id);
		packages.save(pkg);
		Instant graceStart = clock.instant().minus(limits.orphanGracePeriod());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				for (StoredBlob blob : toDelete) {
					// bytes refreshed by an upload in flight stay; the orphan collector decides on them later
					stores.byId(blob.backendId()).ifPresent(store -> store.stat(blob.objectKey())
						.filter(stat -> stat.lastModified().isBefore(graceStart))
						.ifPresent(stat -> {
							try {
								store.delete(blob.objectKey());
							}
							catch (RuntimeException ex) {
								LOG.warn("Could not delete {} from {}; the orphan collector will", blob.objectKey(),
										blob.backendId(), ex);
							}
						}));
				}
			}
		});
		return view(packages.findById(id).orElseThrow());
	}

	@Override
	@Transactional(isolation = Isolation.REPEATABLE_READ)
	public RegistryViewsVerification verifyViews() {
		return viewRebuild.verify();
	}

	private <T> T write(Supplier<T> action) {
		return Objects.requireNonNull(writing.execute(status -> action.get()));
	}

	private <T> T read(Supplier<T> action) {
		return Objects.requireNonNull(reading.execute(status -> action.get()));
	}

	private static Optional<PackageId> parsePackageId(String id) {
		try {
			return Optional.of(PackageId.parse(id));
		}
		catch (RegistryException ex) {
			return Optional.empty();
		}
	}

	private static Optional<FileId> parseFileId(String id) {
		try {
			return Optional.of(FileId.parse(id));
		}
		catch (RegistryException ex) {
			return Optional.empty();
		}
	}

	private static RegistryException packageNotFound(String id) {
		return new RegistryException(RegistryErrorCode.PACKAGE_NOT_FOUND, "There is no package " + id);
	}

	private static RegistryException duplicatePath(PackageId id, RelativePath path) {
		return new RegistryException(RegistryErrorCode.DUPLICATE_RELATIVE_PATH,
				"Package " + id + " has a file at " + path + " already");
	}

	static PackageView view(ArtifactPackage pkg) {
		return new PackageView(pkg.getId(), pkg.name(), pkg.producer(), pkg.subject(), pkg.retentionClass(),
				pkg.metadata(), pkg.metadataSchemaId() == null ? null : pkg.metadataSchemaId().toString(), pkg.status(),
				pkg.manifestDigest(), pkg.createdAt(), pkg.createdBy(), pkg.finalizedAt(), pkg.purgedAt());
	}

	static FileView view(PackageFile file) {
		StoredBlob blob = file.blob();
		return new FileView(file.getId(), file.packageId(), file.relativePath().value(), file.mediaType(),
				blob.sizeBytes(), StoredBlob.PRIMARY_ALGORITHM, blob.blake3Hex(), blob.sha256Hex(), blob.contentAddress(),
				file.storageLocationId().toString(), blob.backendId(), blob.objectKey(), file.retrievalTier(),
				file.storageStatus(), file.createdAt(), file.createdBy());
	}
}
