package dev.steward.registry.infrastructure;

import dev.steward.kernel.events.AggregateEvents;
import dev.steward.registry.PackageId;
import dev.steward.registry.PackageStatus;
import dev.steward.registry.domain.ArtifactPackage;
import dev.steward.registry.domain.ArtifactPackages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Packages in {@code registry.package}; the metadata filter of a listing runs in SQL on the jsonb column. */
@Repository
class JdbcArtifactPackages implements ArtifactPackages {

	private static final String COLUMNS = "id, name, producer, subject, retention_class, metadata::text AS metadata,"
			+ " metadata_schema_id, status, manifest_digest, manifest_cbor, created_at, created_by, finalized_at, purged_at";

	private final JdbcClient jdbc;

	private final AggregateEvents events;

	JdbcArtifactPackages(JdbcClient jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.events = new AggregateEvents(publisher);
	}

	@Override
	public ArtifactPackage save(ArtifactPackage pkg) {
		jdbc.sql("""
				INSERT INTO registry.package (id, name, producer, subject, retention_class, metadata, metadata_schema_id,
				    status, manifest_digest, manifest_cbor, created_at, created_by, finalized_at, purged_at)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET status = excluded.status, manifest_digest = excluded.manifest_digest,
				    manifest_cbor = excluded.manifest_cbor, finalized_at = excluded.finalized_at,
				    purged_at = excluded.purged_at""")
			.params(pkg.getId().id(), pkg.name(), pkg.producer(), pkg.subject(), pkg.retentionClass(),
					RegistryJson.write(pkg.metadata()), pkg.metadataSchemaId(), pkg.status().wire(), pkg.manifestDigest(),
					pkg.manifestCbor(), time(pkg.createdAt()), pkg.createdBy(), time(pkg.finalizedAt()),
					time(pkg.purgedAt()))
			.update();
		return events.publishFrom(pkg);
	}

	@Override
	public Optional<ArtifactPackage> findById(PackageId id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM registry.package WHERE id = ?")
			.param(id.id())
			.query(JdbcArtifactPackages::pkg)
			.optional();
	}

	@Override
	public Optional<ArtifactPackage> lockById(PackageId id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM registry.package WHERE id = ? FOR UPDATE")
			.param(id.id())
			.query(JdbcArtifactPackages::pkg)
			.optional();
	}

	@Override
	public List<ArtifactPackage> list(Filter filter, @Nullable Long afterCreatedMicros, @Nullable String afterId,
			int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM registry.package WHERE true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (filter.producer() != null) {
			sql.append(" AND producer = :producer");
			params.put("producer", filter.producer());
		}
		if (filter.subject() != null) {
			sql.append(" AND subject = :subject");
			params.put("subject", filter.subject());
		}
		if (filter.retentionClass() != null) {
			sql.append(" AND retention_class = :retentionClass");
			params.put("retentionClass", filter.retentionClass());
		}
		if (filter.metadataKey() != null) {
			if (filter.metadataValue() != null) {
				sql.append(" AND metadata ->> :metadataKey = :metadataValue");
				params.put("metadataValue", filter.metadataValue());
			}
			else {
				sql.append(" AND metadata -> :metadataKey IS NOT NULL");
			}
			params.put("metadataKey", filter.metadataKey());
		}
		if (afterCreatedMicros != null && afterId != null) {
			UUID after;
			try {
				after = UUID.fromString(afterId);
			}
			catch (IllegalArgumentException ex) {
				throw dev.steward.kernel.Keyset.notACursor();
			}
			sql.append(" AND (created_at, id) > (timestamptz 'epoch' + :afterMicros * interval '1 microsecond', :afterId)");
			params.put("afterMicros", afterCreatedMicros);
			params.put("afterId", after);
		}
		sql.append(" ORDER BY created_at, id LIMIT :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query(JdbcArtifactPackages::pkg).list();
	}

	private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp timestamp = row.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static ArtifactPackage pkg(ResultSet row, int index) throws SQLException {
		return new ArtifactPackage(new PackageId(row.getObject("id", UUID.class)), row.getString("name"),
				row.getString("producer"), row.getString("subject"), row.getString("retention_class"),
				new LinkedHashMap<>(RegistryJson.readObject(row.getString("metadata"))),
				row.getObject("metadata_schema_id", UUID.class), PackageStatus.ofWire(row.getString("status")),
				row.getString("manifest_digest"), row.getBytes("manifest_cbor"), instant(row, "created_at"),
				row.getString("created_by"), instant(row, "finalized_at"), instant(row, "purged_at"));
	}
}
