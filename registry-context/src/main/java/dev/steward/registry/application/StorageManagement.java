package dev.steward.registry.application;

import dev.steward.registry.StorageFacade;
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

	private final Clock clock = Clock.systemUTC();

	StorageManagement(BlobStores stores, PackageFiles files, StorageLocations locations, RegistryLimits limits) {
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
