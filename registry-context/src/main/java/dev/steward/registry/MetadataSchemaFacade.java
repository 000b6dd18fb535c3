package dev.steward.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON Schemas that package metadata can be checked against, each registered under a slug. */
public interface MetadataSchemaFacade {

	/**
	 * Registers a JSON Schema under a slug and appends {@code v1.metadata_schema.registered}; registering the same
	 * schema under the same slug again answers the registered one and appends nothing.
	 * @throws RegistryException {@code METADATA_SCHEMA_INVALID}, {@code METADATA_SCHEMA_EXISTS} when the slug holds
	 * another schema
	 */
	MetadataSchemaView register(RegisterMetadataSchema command);

	Optional<MetadataSchemaView> find(String slug);

	/** Every schema, by slug. */
	List<MetadataSchemaView> list();

	/**
	 * A schema to register: {@code slug} is 1 to 128 of {@code a-z 0-9 . _ -}, starting with a letter or digit;
	 * {@code jsonSchema} is draft 2020-12 unless its {@code $schema} names 2019-09 or draft-07.
	 */
	record RegisterMetadataSchema(String slug, Object jsonSchema, String actor) {
	}

	record MetadataSchemaView(String id, String slug, Map<String, Object> jsonSchema, Instant createdAt,
			String createdBy) {
	}
}
