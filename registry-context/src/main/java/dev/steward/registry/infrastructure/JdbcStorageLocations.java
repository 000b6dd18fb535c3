package dev.steward.registry.infrastructure;

import dev.steward.kernel.events.AggregateEvents;
import dev.steward.registry.FileId;
import dev.steward.registry.domain.StorageLocation;
import dev.steward.registry.domain.StorageLocation.LocationId;
import dev.steward.registry.domain.StorageLocations;
import dev.steward.registry.domain.StoredBlob;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage locations in {@code registry.storage_location}, with what their file expects of the bytes. */
@Repository
class JdbcStorageLocations implements StorageLocations {

	private final JdbcClient jdbc;

	private final AggregateEvents events;

	JdbcStorageLocations(JdbcClient jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.events = new AggregateEvents(publisher);
	}

	@Override
	public long failedCount(String backendId) {
		return jdbc.sql("SELECT count(*) FROM registry.storage_location WHERE backend_id = ? AND status = 'failed'")
			.param(backendId)
			.query(Long.class)
			.single();
	}

	@Override
	public List<LocationId> idsInBackend(String backendId) {
		return jdbc.sql("SELECT id FROM registry.storage_location WHERE backend_id = ? AND status <> 'purged' ORDER BY id")
			.param(backendId)
			.query((row, index) -> new LocationId(row.getObject("id", UUID.class)))
			.list();
	}

	@Override
	public Optional<StorageLocation> lockById(LocationId id) {
		return jdbc.sql("""
				SELECT l.id, l.file_id, l.backend_id, l.object_key, l.status, l.mismatch, f.size_bytes,
				       f.digest_primary_hex, f.digest_sha256_hex
				FROM registry.storage_location l JOIN registry.package_file f ON f.id = l.file_id
				WHERE l.id = ? FOR UPDATE OF l""")
			.param(id.id())
			.query((row, index) -> new StorageLocation(new LocationId(row.getObject("id", UUID.class)),
					new FileId(row.getObject("file_id", UUID.class)),
					new StoredBlob(row.getLong("size_bytes"), row.getString("digest_primary_hex"),
							row.getString("digest_sha256_hex"), row.getString("backend_id"), row.getString("object_key")),
					row.getString("status"), row.getString("mismatch")))
			.optional();
	}

	@Override
	public StorageLocation save(StorageLocation location) {
		jdbc.sql("UPDATE registry.storage_location SET status = ?, mismatch = ? WHERE id = ?")
			.params(location.status(), location.mismatch(), location.getId().id())
			.update();
		return events.publishFrom(location);
	}
}
