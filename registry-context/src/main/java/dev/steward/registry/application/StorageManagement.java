package dev.steward.registry.application;

import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import dev.steward.registry.StorageFacade;
import dev.steward.registry.domain.BlobStore.BlobDigests;
import dev.steward.registry.domain.StorageLocation;
import java.util.Objects;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import dev.steward.registry.domain.BlobStore;
import dev.steward.registry.domain.BlobStore.BlobStoreHealth;
import dev.steward.registry.domain.BlobStores;
import dev.steward.registry.domain.PackageFiles;
import dev.steward.registry.domain.RegistryLimits;
import dev.steward.registry.domain.StorageLocations;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Health of the blob stores and collection of orphaned bytes. */
@Service
class StorageManagement implements StorageFacade {

	private static final Logger LOG = LoggerFactory.getLogger(StorageManagement.class);

	private final BlobStores stores;

	private final PackageFiles files;

	private final StorageLocations locations;

	private final RegistryLimits limits;

	private final TransactionTemplate transactions;

	private final Clock clock = Clock.systemUTC();

	StorageManagement(BlobStores stores, PackageFiles files, StorageLocations locations, RegistryLimits limits,
			PlatformTransactionManager transactions) {
		this.transactions = new TransactionTemplate(transactions);
		this.stores = stores;
		this.files = files;
		this.locations = locations;
		this.limits = limits;
	}

	@Override
	@Transactional(readOnly = true)
	public List<StorageBackendView> backends() {
		return stores.all().stream().map(store -> {
			BlobStoreHealth health;
			try {
				health = store.health();
			}
			catch (RuntimeException ex) {
				health = new BlobStoreHealth(false, ex.getClass().getSimpleName() + ": " + ex.getMessage());
			}
			return new StorageBackendView(store.backendId(), store.kind(), health.up(), health.detail(),
					locations.failedCount(store.backendId()));
		}).toList();
	}

	@Override
	public StorageVerification verifyStorage(String backendId, String actor) {
		BlobStore store = stores.byId(backendId)
			.orElseThrow(() -> new RegistryException(RegistryErrorCode.STORAGE_BACKEND_NOT_FOUND,
					"There is no storage backend " + backendId + "; there are "
							+ stores.all().stream().map(BlobStore::backendId).toList()));
		List<StorageLocation.LocationId> ids = Objects
			.requireNonNull(transactions.execute(status -> locations.idsInBackend(backendId)));
		long verified = 0;
		long failed = 0;
		for (StorageLocation.LocationId id : ids) {
			Boolean outcome = transactions.execute(status -> locations.lockById(id)
				.filter(location -> !location.status().equals("purged"))
				.map(location -> {
					BlobDigests actual = null;
					String failure = null;
					try {
						actual = store.rehash(location.expected().objectKey());
					}
					catch (RuntimeException ex) {
						Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
						failure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
					}
					location.verify(actual, failure, actor);
					return locations.save(location).verified();
				})
				.orElse(null));
			if (Boolean.TRUE.equals(outcome)) {
				verified++;
			}
			else if (Boolean.FALSE.equals(outcome)) {
				failed++;
			}
		}
		if (failed > 0) {
			LOG.warn("Storage verification of {} found {} of {} locations failed", backendId, failed, ids.size());
		}
		return new StorageVerification(backendId, verified + failed, verified, failed);
	}

	@Override
	@Transactional(readOnly = true)
	public long failedLocations(String backendId) {
		return locations.failedCount(backendId);
	}

	@Override
	public OrphanCollection collectOrphans() {
		Instant olderThan = clock.instant().minus(limits.orphanGracePeriod());
		AtomicLong examined = new AtomicLong();
		AtomicLong deleted = new AtomicLong();
		AtomicLong deletedBytes = new AtomicLong();
		for (BlobStore store : stores.all()) {
			store.forEachObject(object -> {
				examined.incrementAndGet();
				if (!object.lastModified().isBefore(olderThan)) {
					return;
				}
				boolean orphan = store.isTemporary(object.objectKey())
						|| !files.referenced(store.backendId(), object.objectKey());
				// an upload that stores the same bytes refreshes their time: look again right before deleting
				if (orphan && store.stat(object.objectKey())
					.filter(now -> now.lastModified().isBefore(olderThan))
					.isPresent()) {
					store.delete(object.objectKey());
					deleted.incrementAndGet();
					deletedBytes.addAndGet(object.sizeBytes());
				}
			});
		}
		if (deleted.get() > 0) {
			LOG.info("Collected {} orphaned blobs ({} bytes) last written before {}", deleted, deletedBytes, olderThan);
		}
		return new OrphanCollection(examined.get(), deleted.get(), deletedBytes.get(), olderThan);
	}
}
