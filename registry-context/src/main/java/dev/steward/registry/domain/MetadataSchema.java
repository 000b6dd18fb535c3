package dev.steward.registry.domain;

import dev.steward.registry.RegistryErrorCode;
import dev.steward.registry.RegistryException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jmolecules.ddd.types.AggregateRoot;
import org.jmolecules.ddd.types.Identifier;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A JSON Schema that package metadata can be checked against, registered once under its slug. */
public class MetadataSchema extends AbstractAggregateRoot<MetadataSchema>
		implements AggregateRoot<MetadataSchema, MetadataSchema.MetadataSchemaId> {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");

	private final MetadataSchemaId id;
	private final String slug;
	private final Map<String, Object> jsonSchema;
	private final Instant createdAt;
	private final String createdBy;

	/** Registers a schema whose usability was checked; registers {@link MetadataSchemaRegistered}. */
	public static MetadataSchema register(String slug, Map<String, Object> jsonSchema, String actor, Instant now) {
		MetadataSchema schema = new MetadataSchema(new MetadataSchemaId(UUID.randomUUID()), slug(slug),
				new LinkedHashMap<>(jsonSchema), now, actor);
		schema.registerEvent(new MetadataSchemaRegistered(schema.id.id(), schema.slug, schema.jsonSchema, actor));
		return schema;
	}

	public MetadataSchema(MetadataSchemaId id, String slug, Map<String, Object> jsonSchema, Instant createdAt,
			String createdBy) {
		this.id = id;
		this.slug = slug;
		this.jsonSchema = jsonSchema;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	/** @throws RegistryException {@code METADATA_SCHEMA_INVALID} unless 1 to 128 of a-z 0-9 . _ - */
	public static String slug(String slug) {
		if (slug == null || !SLUG.matcher(slug).matches()) {
			throw new RegistryException(RegistryErrorCode.METADATA_SCHEMA_INVALID,
					"A slug is 1 to 128 of a-z 0-9 . _ -, starting with a letter or digit");
		}
		return slug;
	}

	@Override
	public MetadataSchemaId getId() {
		return id;
	}

	public String slug() {
		return slug;
	}

	public Map<String, Object> jsonSchema() {
		return jsonSchema;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String createdBy() {
		return createdBy;
	}

	public record MetadataSchemaId(UUID id) implements Identifier {
	}
}
