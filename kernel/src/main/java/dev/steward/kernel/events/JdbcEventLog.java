package dev.steward.kernel.events;

import dev.steward.kernel.CanonicalCbor;
import dev.steward.kernel.Digests;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The event log in {@code <schema>.event_log}, made by the kernel's one event-log migration. */
public final class JdbcEventLog implements EventLog {

	private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,62}");

	private static final int VERIFY_PAGE = 1_000;

	private static final String COLUMNS = """
			sequence, event_id, type, subject_kind, subject_id, actor, payload, payload_digest, chain_hash,
			created_at, idempotency_key""";

	private final JdbcClient jdbc;

	private final String schema;

	/** The log of the context whose schema is {@code schema}. */
	public JdbcEventLog(JdbcClient jdbc, String schema) {
		if (!SCHEMA.matcher(schema).matches()) {
			throw new IllegalArgumentException("Not a schema name: " + schema);
		}
		this.jdbc = jdbc;
		this.schema = schema;
	}

	@Override
	public String context() {
		return schema;
	}

	@Override
	public LogEntry append(LoggedEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("An event is appended in the transaction of the change it records");
		}
		byte[] payload = CanonicalCbor.encode(event.payload());
		return jdbc.sql("INSERT INTO " + schema + """
				.event_log (event_id, type, subject_kind, subject_id, actor, payload, payload_digest, idempotency_key,
				    created_at)
				VALUES (:eventId, :type, :subjectKind, :subjectId, :actor, :payload, :digest, :idempotencyKey, :createdAt)
				RETURNING """ + " " + COLUMNS)
			.param("eventId", UUID.randomUUID())
			.param("type", event.type())
			.param("subjectKind", event.subjectKind())
			.param("subjectId", event.subjectId())
			.param("actor", event.actor())
			.param("payload", payload)
			.param("digest", Digests.sha256Hex(payload))
			.param("idempotencyKey", event.idempotencyKey() != null ? event.idempotencyKey() : IdempotentCommands.claimKey(this, event.type()))
			.param("createdAt", time(event.recordedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.query(this::row)
			.single();
	}

	/** One multi-row {@code INSERT}: the append trigger numbers and chains the rows in the order they are listed. */
	@Override
	public List<LogEntry> appendAll(List<? extends LoggedEvent> events) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("An event is appended in the transaction of the change it records");
		}
		if (events.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("INSERT INTO " + schema
				+ ".event_log (event_id, type, subject_kind, subject_id, actor, payload, payload_digest, idempotency_key,"
				+ " created_at) VALUES ");
		List<Object> params = new ArrayList<>(events.size() * 9);
		for (LoggedEvent event : events) {
			byte[] payload = CanonicalCbor.encode(event.payload());
			sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz)");
			params.add(UUID.randomUUID());
			params.add(event.type());
			params.add(event.subjectKind());
			params.add(event.subjectId());
			params.add(event.actor());
			params.add(payload);
			params.add(Digests.sha256Hex(payload));
			params.add(event.idempotencyKey() != null ? event.idempotencyKey()
					: IdempotentCommands.claimKey(this, event.type()));
			params.add(time(event.recordedAt()));
		}
		return jdbc.sql(sql.append(" RETURNING ").append(COLUMNS).toString())
			.params(params)
			.query(this::row)
			.list()
			.stream()
			.sorted(Comparator.comparingLong(LogEntry::sequence))
			.toList();
	}

	@Override
	public List<LogEntry> after(long after, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM " + schema + ".event_log WHERE sequence > ? ORDER BY sequence LIMIT ?")
			.params(after, limit)
			.query(this::row)
			.list();
	}

	@Override
	public List<LogEntry> between(long after, long upTo) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM " + schema
				+ ".event_log WHERE sequence > ? AND sequence <= ? ORDER BY sequence")
			.params(after, upTo)
			.query(this::row)
			.list();
	}

	@Override
	public Optional<LogEntry> entry(long sequence) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM " + schema + ".event_log WHERE sequence = ?")
			.params(sequence)
			.query(this::row)
			.optional();
	}

	@Override
	public Optional<LogEntry> byIdempotencyKey(String key) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM " + schema + ".event_log WHERE idempotency_key = ?")
			.params(key)
			.query(this::row)
			.optional();
	}

	@Override
	public Instant timeForNextEntry() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("An entry's time is taken in the transaction that appends the entry");
		}
		// two statements: the clock is read once the lock is held, after every earlier entry has committed
		jdbc.sql("SELECT last_sequence FROM " + schema + ".event_log_counter FOR UPDATE").query(Long.class).single();
		return jdbc.sql("SELECT clock_timestamp()").query(java.sql.Timestamp.class).single().toInstant();
	}

	private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	@Override
	public long head() {
		return jdbc.sql("SELECT last_sequence FROM " + schema + ".event_log_counter").query(Long.class).single();
	}

	@Override
	public LogHead chainHead() {
		return jdbc.sql("SELECT c.last_sequence, coalesce(e.chain_hash, :genesis) FROM " + schema
				+ ".event_log_counter c LEFT JOIN " + schema + ".event_log e ON e.sequence = c.last_sequence")
			.param("genesis", ChainLink.GENESIS)
			.query((row, index) -> new LogHead(schema, row.getLong(1), row.getString(2)))
			.single();
	}

	@Override
	public ChainVerification verify() {
		long upTo = head();
		String previous = ChainLink.GENESIS;
		long expected = 1;
		long checked = 0;
		LogHead lastGood = new LogHead(schema, 0, ChainLink.GENESIS);
		while (expected <= upTo) {
			List<LogEntry> page = jdbc.sql("SELECT " + COLUMNS + " FROM " + schema
					+ ".event_log WHERE sequence >= ? AND sequence <= ? ORDER BY sequence LIMIT ?")
				.params(expected, upTo, VERIFY_PAGE)
				.query(this::row)
				.list();
			if (page.isEmpty()) {
				return ChainVerification.broken(lastGood, checked, expected,
						"entry " + expected + " is missing (the counter says " + upTo + " were appended)");
			}
			for (LogEntry entry : page) {
				String problem = problemOf(entry, expected, previous);
				if (problem != null) {
					return ChainVerification.broken(lastGood, checked, expected, problem);
				}
				previous = entry.chainHash();
				lastGood = new LogHead(schema, entry.sequence(), entry.chainHash());
				checked++;
				expected++;
			}
		}
		long beyond = jdbc.sql("SELECT coalesce(min(sequence), 0) FROM " + schema + ".event_log WHERE sequence > ?")
			.params(upTo)
			.query(Long.class)
			.single();
		if (beyond != 0 && beyond != upTo + 1) {
			return ChainVerification.broken(lastGood, checked, beyond,
					"entry " + beyond + " lies beyond the counter's " + upTo + " with a gap before it");
		}
		return ChainVerification.intact(lastGood, checked);
	}

	private static @Nullable String problemOf(LogEntry entry, long expected, String previous) {
		if (entry.sequence() != expected) {
			return "entry " + expected + " is missing; the next one is " + entry.sequence();
		}
		if (!Digests.sha256Hex(entry.payloadCbor()).equals(entry.payloadDigest())) {
			return "the payload of entry " + expected + " is not the one its digest was taken of";
		}
		if (!CanonicalCbor.isDeterministic(entry.payloadCbor())) {
			return "the payload of entry " + expected + " is not deterministic CBOR";
		}
		if (!ChainLink.of(previous, entry).equals(entry.chainHash())) {
			return "the chain breaks at entry " + expected
					+ ": its fields or its place do not give its chain hash";
		}
		return null;
	}

	private LogEntry row(ResultSet row, int index) throws SQLException {
		byte[] payload = row.getBytes("payload");
		return new LogEntry(schema, row.getLong("sequence"), row.getObject("event_id", UUID.class),
				row.getString("type"), row.getString("subject_kind"), row.getString("subject_id"),
				row.getString("actor"), payload == null ? new byte[0] : Arrays.copyOf(payload, payload.length),
				row.getString("payload_digest"), row.getString("chain_hash"),
				row.getObject("created_at", OffsetDateTime.class).toInstant(), row.getString("idempotency_key"));
	}
}
