package dev.steward.registry.infrastructure;

import dev.steward.registry.domain.StorageLocations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage locations in {@code registry.storage_location}. */
@Repository
class JdbcStorageLocations implements StorageLocations {

	private final JdbcClient jdbc;

	JdbcStorageLocations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long failedCount(String backendId) {
		return jdbc.sql("SELECT count(*) FROM registry.storage_location WHERE backend_id = ? AND status = 'failed'")
			.param(backendId)
			.query(Long.class)
			.single();
	}
}
