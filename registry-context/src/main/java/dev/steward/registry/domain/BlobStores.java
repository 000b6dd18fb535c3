package dev.steward.registry.domain;

import java.util.List;
import java.util.Optional;

/** The configured blob stores, and the rule that picks one for a package. */
public interface BlobStores {

	/** The store for a package of this producer and retention class. */
	BlobStore forPackage(String producer, String retentionClass);

	Optional<BlobStore> byId(String backendId);

	List<BlobStore> all();
}
