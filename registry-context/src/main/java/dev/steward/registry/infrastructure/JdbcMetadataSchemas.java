package dev.steward.registry.infrastructure;

import dev.steward.kernel.events.AggregateEvents;
import dev.steward.registry.domain.MetadataSchema;
import dev.steward.registry.domain.MetadataSchema.MetadataSchemaId;
import dev.steward.registry.domain.MetadataSchemas;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Metadata schemas in {@code registry.metadata_schema}. */
@Repository
class JdbcMetadataSchemas implements MetadataSchemas {

	private static final String SELECT = "SELECT id, slug, json_schema::text AS json_schema, created_at, created_by"
			+ " FROM registry.metadata_schema";

	private final JdbcClient jdbc;

	private final AggregateEvents events;

	JdbcMetadataSchemas(JdbcClient jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.events = new AggregateEvents(publisher);
	}

	@Override
	public MetadataSchema save(MetadataSchema schema) {
		jdbc.sql("INSERT INTO registry.metadata_schema (id, slug, json_schema, created_at, created_by)"
				+ " VALUES (?, ?, ?::jsonb, ?, ?)")
			.params(schema.getId().id(), schema.slug(), RegistryJson.write(schema.jsonSchema()),
					OffsetDateTime.ofInstant(schema.createdAt(), ZoneOffset.UTC), schema.createdBy())
			.update();
		events.publishFrom(schema);
		return findById(schema.getId().id()).orElseThrow();
	}

	@Override
	public Optional<MetadataSchema> findBySlug(String slug) {
		return jdbc.sql(SELECT + " WHERE slug = ?").param(slug).query(JdbcMetadataSchemas::schema).optional();
	}

	@Override
	public Optional<MetadataSchema> findById(UUID id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(JdbcMetadataSchemas::schema).optional();
	}

	@Override
	public List<MetadataSchema> all() {
		return jdbc.sql(SELECT + " ORDER BY slug").query(JdbcMetadataSchemas::schema).list();
	}

	private static MetadataSchema schema(ResultSet row, int index) throws SQLException {
		return new MetadataSchema(new MetadataSchemaId(row.getObject("id", UUID.class)), row.getString("slug"),
				RegistryJson.readObject(row.getString("json_schema")), JdbcArtifactPackages.instant(row, "created_at"),
				row.getString("created_by"));
	}
}
