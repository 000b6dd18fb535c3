package dev.steward.registry.infrastructure;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.registry.domain.FileIngested;
import dev.steward.registry.domain.LoggedRegistryEvent;
import dev.steward.registry.domain.MetadataSchemaRegistered;
import dev.steward.registry.domain.PackagePurged;
import dev.steward.registry.domain.PackageRecorded;
import dev.steward.registry.domain.StorageLocation.StorageLocationVerified;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every {@link LoggedRegistryEvent} an aggregate records to the registry event log, in the transaction
 * whose repository saves the aggregate, and projects onto the views what only the entry knows: its time (a
 * package's, a file's and a schema's creation time is its event's) and its sequence.
 */
@Component
class RegistryEventAppender {

	private final EventLog log;

	private final JdbcClient jdbc;

	RegistryEventAppender(@Qualifier("registryEventLog") EventLog log, JdbcClient jdbc) {
		this.log = log;
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(LoggedRegistryEvent event) {
		LogEntry entry = log.append(event);
		OffsetDateTime at = OffsetDateTime.ofInstant(entry.createdAt(), ZoneOffset.UTC);
		switch (event) {
			case PackageRecorded created -> jdbc.sql("UPDATE registry.package SET created_at = ? WHERE id = ?")
				.params(at, created.packageId().id())
				.update();
			case FileIngested ingested -> jdbc.sql("UPDATE registry.package_file SET created_at = ? WHERE id = ?")
				.params(at, ingested.file().getId().id())
				.update();
			case MetadataSchemaRegistered registered -> jdbc
				.sql("UPDATE registry.metadata_schema SET created_at = ? WHERE id = ?")
				.params(at, registered.schemaId())
				.update();
			case PackagePurged purged -> jdbc.sql("UPDATE registry.package SET purged_at = ? WHERE id = ?")
				.params(at, purged.packageId().id())
				.update();
			case StorageLocationVerified verified -> jdbc
				.sql("UPDATE registry.storage_location SET verified_at = ? WHERE id = ?")
				.params(at, verified.location().getId().id())
				.update();
			default -> {
				// the other events carry every value their views hold
			}
		}
		if (event.subjectKind().equals("package")) {
			jdbc.sql("UPDATE registry.package SET last_event_sequence = ? WHERE id = ?")
				.params(entry.sequence(), UUID.fromString(event.subjectId()))
				.update();
		}
	}
}
