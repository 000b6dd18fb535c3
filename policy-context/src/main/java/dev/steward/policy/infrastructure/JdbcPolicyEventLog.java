package dev.steward.policy.infrastructure;

import dev.steward.policy.PolicyEventLog;
import dev.steward.policy.PolicyLogEntry;
import dev.steward.policy.domain.LoggedPolicyEvent;
import dev.steward.policy.domain.PolicyLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy event log in {@code policy.event_log}. Every {@link LoggedPolicyEvent} an aggregate registers is
 * appended in the transaction that saves the aggregate; the table's triggers give it its sequence and ring the
 * doorbell at commit.
 */
@Component
class JdbcPolicyEventLog implements PolicyEventLog, PolicyLog {

	private static final String COLUMNS = """
			sequence, event_id, type, subject_kind, subject_id, actor, payload, payload_digest, created_at""";

	private final JdbcClient jdbc;

	JdbcPolicyEventLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(LoggedPolicyEvent event) {
		append(event);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public long append(LoggedPolicyEvent event) {
		byte[] payload = CanonicalCbor.encode(event.payload());
		return jdbc.sql("""
				INSERT INTO policy.event_log (event_id, type, subject_kind, subject_id, actor, payload, payload_digest)
				VALUES (:eventId, :type, :subjectKind, :subjectId, :actor, :payload, :digest)
				RETURNING sequence
				""")
			.param("eventId", UUID.randomUUID())
			.param("type", event.type())
			.param("subjectKind", event.subjectKind())
			.param("subjectId", event.subjectId())
			.param("actor", event.actor())
			.param("payload", payload)
			.param("digest", CanonicalCbor.sha256(payload))
			.query(Long.class)
			.single();
	}

	@Override
	public List<PolicyLogEntry> after(long after, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM policy.event_log WHERE sequence > ? ORDER BY sequence LIMIT ?")
			.params(after, limit)
			.query(JdbcPolicyEventLog::entry)
			.list();
	}

	@Override
	public List<PolicyLogEntry> between(long after, long upTo) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM policy.event_log WHERE sequence > ? AND sequence <= ? ORDER BY sequence")
			.params(after, upTo)
			.query(JdbcPolicyEventLog::entry)
			.list();
	}

	@Override
	public long head() {
		return jdbc.sql("SELECT last_sequence FROM policy.event_log_counter").query(Long.class).single();
	}

	private static PolicyLogEntry entry(ResultSet row, int index) throws SQLException {
		return new PolicyLogEntry(row.getLong("sequence"), row.getObject("event_id", UUID.class),
				row.getString("type"), row.getString("subject_kind"), row.getString("subject_id"),
				row.getString("actor"), CanonicalCbor.decode(row.getBytes("payload")), row.getString("payload_digest"),
				row.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
	}

}
