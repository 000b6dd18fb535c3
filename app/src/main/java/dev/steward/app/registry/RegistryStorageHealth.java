package dev.steward.app.registry;

import dev.steward.registry.StorageFacade;
import dev.steward.registry.StorageFacade.StorageBackendView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The registry's blob stores in readiness ({@code registryStorage}): down when a store does not answer; each store's
 * count of locations that failed their last verification in the details. The same count is the gauge
 * {@code steward.registry.storage.failed.locations}, tagged with the store's id.
 */
@Component("registryStorage")
class RegistryStorageHealth implements HealthIndicator, MeterBinder {

	private final StorageFacade storage;

	RegistryStorageHealth(StorageFacade storage) {
		this.storage = storage;
	}

	@Override
	public Health health() {
		boolean up = true;
		Map<String, Object> details = new LinkedHashMap<>();
		for (StorageBackendView backend : storage.backends()) {
			up &= backend.up();
			details.put(backend.id(), Map.of("kind", backend.kind(), "up", backend.up(), "failedLocations",
					backend.failedLocations()));
		}
		return (up ? Health.up() : Health.down()).withDetails(details).build();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (StorageBackendView backend : storage.backends()) {
			Gauge.builder("steward.registry.storage.failed.locations", storage,
					facade -> facade.failedLocations(backend.id()))
				.description("Storage locations that failed their last verification")
				.tag("backend", backend.id())
				.register(registry);
		}
	}
}
