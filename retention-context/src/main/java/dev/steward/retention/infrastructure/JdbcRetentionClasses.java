package dev.steward.retention.infrastructure;

import dev.steward.kernel.events.AggregateEvents;
import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.domain.RetentionClass;
import dev.steward.retention.domain.RetentionClasses;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Retention classes in {@code retention.retention_class}, with an optimistic version. */
@Component
class JdbcRetentionClasses implements RetentionClasses {

	private static final String COLUMNS = "name, default_duration_seconds, deletion_strategy, mode, description,"
			+ " created_at, created_by, updated_at, updated_by, version";

	private final JdbcClient jdbc;

	private final AggregateEvents events;

	JdbcRetentionClasses(JdbcClient jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.events = new AggregateEvents(publisher);
	}

	@Override
	public Optional<RetentionClass> findById(RetentionClass.Name name) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM retention.retention_class WHERE name = ?")
			.param(name.value())
			.query(JdbcRetentionClasses::row)
			.optional();
	}

	@Override
	public List<RetentionClass> findAll() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM retention.retention_class ORDER BY name")
			.query(JdbcRetentionClasses::row)
			.list();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public RetentionClass save(RetentionClass retentionClass) {
		Long version = retentionClass.version();
		if (version == null) {
			jdbc.sql("INSERT INTO retention.retention_class (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
				.params(retentionClass.getId().value(), retentionClass.defaultDurationSeconds(),
						retentionClass.deletionStrategy().code(), retentionClass.mode().code(),
						retentionClass.description(), utc(retentionClass), retentionClass.createdBy(),
						OffsetDateTime.ofInstant(retentionClass.updatedAt(), ZoneOffset.UTC), retentionClass.updatedBy())
				.update();
		}
		else {
			int updated = jdbc.sql("""
					UPDATE retention.retention_class SET default_duration_seconds = ?, deletion_strategy = ?, mode = ?,
					       description = ?, updated_at = ?, updated_by = ?, version = version + 1
					 WHERE name = ? AND version = ?""")
				.params(retentionClass.defaultDurationSeconds(), retentionClass.deletionStrategy().code(),
						retentionClass.mode().code(), retentionClass.description(),
						OffsetDateTime.ofInstant(retentionClass.updatedAt(), ZoneOffset.UTC), retentionClass.updatedBy(),
						retentionClass.getId().value(), version)
				.update();
			if (updated == 0) {
				throw new OptimisticLockingFailureException(
						"Retention class " + retentionClass.getId().value() + " moved on from version " + version);
			}
		}
		events.publishFrom(retentionClass);
		return findById(retentionClass.getId()).orElseThrow();
	}

	private static OffsetDateTime utc(RetentionClass retentionClass) {
		return OffsetDateTime.ofInstant(retentionClass.createdAt(), ZoneOffset.UTC);
	}

	private static RetentionClass row(ResultSet row, int index) throws SQLException {
		long stored = row.getLong("default_duration_seconds");
		Long duration = row.wasNull() ? null : stored;
		return RetentionClass.restore(new RetentionClass.Name(row.getString("name")), duration, DeletionStrategy.of(row.getString("deletion_strategy")),
				RetentionMode.of(row.getString("mode")), row.getString("description"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getString("created_by"),
				row.getObject("updated_at", OffsetDateTime.class).toInstant(), row.getString("updated_by"),
				row.getLong("version"));
	}
}
