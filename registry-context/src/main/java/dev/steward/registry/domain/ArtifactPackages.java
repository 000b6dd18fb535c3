package dev.steward.registry.domain;

import dev.steward.registry.PackageId;
import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import java.util.List;
import java.util.Optional;
import org.jmolecules.ddd.types.Repository;
import org.jspecify.annotations.Nullable;

/** The packages there are. Saving publishes what the package recorded. */
public interface ArtifactPackages extends Repository<ArtifactPackage, PackageId> {

	ArtifactPackage save(ArtifactPackage pkg);

	Optional<ArtifactPackage> findById(PackageId id);

	/** The package, its row locked until the transaction ends, so that no other change to it runs at once. */
	Optional<ArtifactPackage> lockById(PackageId id);

	/** @throws RegistryException {@code PACKAGE_NOT_FOUND} */
	default ArtifactPackage requireLocked(PackageId id) {
		return lockById(id).orElseThrow(
				() -> new RegistryException(RegistryErrorCode.PACKAGE_NOT_FOUND, "There is no package " + id));
	}

	/**
	 * Up to {@code limit} packages matching the filter, ordered by creation time then id, after the position given
	 * by {@code afterCreatedMicros} and {@code afterId} when those are not null.
	 */
	List<ArtifactPackage> list(Filter filter, @Nullable Long afterCreatedMicros, @Nullable String afterId, int limit);

	/** What a listing matches: every non-null field. */
	record Filter(@Nullable String producer, @Nullable String subject, @Nullable String retentionClass,
			@Nullable String metadataKey, @Nullable String metadataValue) {
	}
}
