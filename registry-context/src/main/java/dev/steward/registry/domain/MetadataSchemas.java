package dev.steward.registry.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jmolecules.ddd.types.Repository;

/** The metadata schemas there are. */
public interface MetadataSchemas extends Repository<MetadataSchema, MetadataSchema.MetadataSchemaId> {

	/** Saves a new schema; a slug taken meanwhile by another transaction fails with a duplicate key. */
	MetadataSchema save(MetadataSchema schema);

	Optional<MetadataSchema> findBySlug(String slug);

	Optional<MetadataSchema> findById(UUID id);

	List<MetadataSchema> all();
}
