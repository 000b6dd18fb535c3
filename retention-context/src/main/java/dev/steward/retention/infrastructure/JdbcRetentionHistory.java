package dev.steward.retention.infrastructure;

import dev.steward.kernel.events.LogEntry;
import dev.steward.retention.SubjectRef;
import dev.steward.retention.application.RetentionHistoryReads;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A subject's retention entries, read through the log's (subject_kind, subject_id, sequence) index. */
@Component
class JdbcRetentionHistory implements RetentionHistoryReads {

	private final JdbcClient jdbc;

	JdbcRetentionHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<LogEntry> history(SubjectRef subject, long after, int limit) {
		return jdbc.sql("""
				SELECT sequence, event_id, type, subject_kind, subject_id, actor, payload, payload_digest, chain_hash,
				       created_at, idempotency_key
				  FROM retention.event_log
				 WHERE subject_kind = ? AND subject_id = ? AND sequence > ? AND type LIKE 'v1.retention.%'
				 ORDER BY sequence
				 LIMIT ?""")
			.params(subject.kind(), subject.id(), after, limit)
			.query((row, index) -> new LogEntry(RetentionSchema.SCHEMA, row.getLong("sequence"),
					row.getObject("event_id", UUID.class), row.getString("type"), row.getString("subject_kind"),
					row.getString("subject_id"), row.getString("actor"), row.getBytes("payload"),
					row.getString("payload_digest"), row.getString("chain_hash"),
					row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getString("idempotency_key")))
			.list();
	}

	@Override
	public java.util.OptionalLong lastSequence(SubjectRef subject) {
		return jdbc.sql("""
				SELECT sequence FROM retention.event_log
				 WHERE subject_kind = ? AND subject_id = ? AND type LIKE 'v1.retention.%'
				 ORDER BY sequence DESC
				 LIMIT 1""")
			.params(subject.kind(), subject.id())
			.query(Long.class)
			.optional()
			.map(java.util.OptionalLong::of)
			.orElse(java.util.OptionalLong.empty());
	}

}
