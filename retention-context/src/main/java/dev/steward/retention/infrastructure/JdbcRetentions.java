package dev.steward.retention.infrastructure;

import dev.steward.kernel.events.AggregateEvents;
import dev.steward.retention.DeletionStrategy;
import dev.steward.retention.RetentionMode;
import dev.steward.retention.SubjectRef;
import dev.steward.retention.domain.Hold;
import dev.steward.retention.domain.LoggedRetentionEvent;
import dev.steward.retention.domain.Retention;
import dev.steward.retention.domain.Retentions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retentions in {@code retention.retention_subject}, their holds in {@code retention.retention_hold}. The row of a
 * subject counts its active holds, so that the sweep's partial index holds exactly the subjects that can become
 * eligible.
 */
@Component
class JdbcRetentions implements Retentions {

	private static final String COLUMNS = "subject_kind, subject_id, retention_class, mode, deletion_strategy,"
			+ " applied_at, expires_at, active_holds, eligible, eligible_at, purged, purged_at, version";

	private static final String UPDATE = """
			UPDATE retention.retention_subject SET expires_at = ?, active_holds = ?, eligible = ?, eligible_at = ?,
			       purged = ?, purged_at = ?, version = version + 1
			 WHERE subject_kind = ? AND subject_id = ? AND version = ?""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AggregateEvents events;

	private final ApplicationEventPublisher publisher;

	JdbcRetentions(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.template = template;
		this.events = new AggregateEvents(publisher);
		this.publisher = publisher;
	}

	@Override
	public Optional<Retention> findById(SubjectRef subject) {
		return find(subject, "");
	}

	@Override
	public Optional<Retention> findForUpdate(SubjectRef subject) {
		return find(subject, " FOR UPDATE");
	}

	/** Reads (and locks) the subject's row first, then its holds, which change only under that row's lock. */
	private Optional<Retention> find(SubjectRef subject, String lock) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM retention.retention_subject WHERE subject_kind = ? AND subject_id = ?" + lock)
			.params(subject.kind(), subject.id())
			.query((row, index) -> row(row, List.of()))
			.optional()
			.map(found -> withHolds(found, activeHolds(List.of(subject)).getOrDefault(subject, List.of())));
	}

	private static Retention withHolds(Retention found, List<Hold> holds) {
		return Retention.restore(found.getId(), found.retentionClass(), found.mode(), found.deletionStrategy(),
				found.appliedAt(), found.expiresAt(), holds, found.eligible(), found.eligibleAt(), found.purged(),
				found.purgedAt(), java.util.Objects.requireNonNull(found.version()));
	}

	@Override
	public List<Retention> findAll(Collection<SubjectRef> subjects) {
		if (subjects.isEmpty()) {
			return List.of();
		}
		List<SubjectRef> distinct = subjects.stream().distinct().toList();
		Map<SubjectRef, List<Hold>> holds = activeHolds(distinct);
		return jdbc.sql("SELECT " + COLUMNS + " FROM retention.retention_subject WHERE (subject_kind, subject_id) IN ("
				+ pairs(distinct.size()) + ")")
			.params(flatten(distinct))
			.query((row, index) -> row(row, holds.getOrDefault(subjectOf(row), List.of())))
			.list();
	}

	@Override
	public List<Retention> lockDue(Instant now, int limit) {
		// due subjects have no active hold (active_holds = 0 is part of the index's predicate)
		return jdbc.sql("SELECT " + COLUMNS + " " + """
				FROM retention.retention_subject
				 WHERE NOT eligible AND active_holds = 0 AND expires_at IS NOT NULL AND expires_at <= ?
				 ORDER BY expires_at
				 LIMIT ?
				 FOR UPDATE SKIP LOCKED""")
			.params(utc(now), limit)
			.query((row, index) -> row(row, List.of()))
			.list();
	}

	@Override
	public List<SubjectRef> eligibleForPurge(int limit) {
		return jdbc.sql("""
				SELECT subject_kind, subject_id FROM retention.retention_subject
				 WHERE eligible AND NOT purged AND active_holds = 0 AND deletion_strategy <> 'manual'
				 ORDER BY eligible_at, subject_kind, subject_id
				 LIMIT ?""")
			.param(limit)
			.query((row, index) -> subjectOf(row))
			.list();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Retention save(Retention retention) {
		Long version = retention.version();
		if (version == null) {
			jdbc.sql("INSERT INTO retention.retention_subject (" + COLUMNS
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
				.params(retention.getId().kind(), retention.getId().id(), retention.retentionClass(),
						retention.mode().code(), retention.deletionStrategy().code(), utc(retention.appliedAt()),
						utc(retention.expiresAt()), retention.activeHolds().size(), retention.eligible(),
						utc(retention.eligibleAt()), retention.purged(), utc(retention.purgedAt()))
				.update();
		}
		else if (jdbc.sql(UPDATE).params(updateParams(retention)).update() == 0) {
			throw new OptimisticLockingFailureException(
					"The retention of " + retention.getId() + " moved on from version " + version);
		}
		saveHolds(retention);
		events.publishFrom(retention);
		return findById(retention.getId()).orElseThrow();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void saveAll(List<Retention> retentions) {
		if (retentions.isEmpty()) {
			return;
		}
		int[] counts = template.batchUpdate(UPDATE, retentions.stream().map(JdbcRetentions::updateParams).toList());
		for (int index = 0; index < counts.length; index++) {
			if (counts[index] == 0) {
				throw new OptimisticLockingFailureException("The retention of " + retentions.get(index).getId()
						+ " moved on from version " + retentions.get(index).version());
			}
		}
		List<LoggedRetentionEvent> batch = new ArrayList<>();
		AggregateEvents collected = new AggregateEvents(event -> batch.add((LoggedRetentionEvent) event));
		for (Retention retention : retentions) {
			saveHolds(retention);
			collected.publishFrom(retention);
		}
		publisher.publishEvent(new RetentionEventBatch(batch));
	}

	private void saveHolds(Retention retention) {
		SubjectRef subject = retention.getId();
		for (Hold hold : retention.appliedSinceLoad()) {
			jdbc.sql("""
					INSERT INTO retention.retention_hold (hold_id, subject_kind, subject_id, reason, applied_at, applied_by)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(hold.id().value(), subject.kind(), subject.id(), hold.reason(), utc(hold.appliedAt()),
						hold.appliedBy())
				.update();
		}
		for (Hold.Release release : retention.releasedSinceLoad()) {
			jdbc.sql("""
					UPDATE retention.retention_hold SET released_at = ?, released_by = ?, release_reason = ?
					 WHERE hold_id = ? AND released_at IS NULL""")
				.params(utc(release.releasedAt()), release.releasedBy(), release.reason(), release.id().value())
				.update();
		}
	}

	private static Object[] updateParams(Retention retention) {
		return new Object[] { utc(retention.expiresAt()), retention.activeHolds().size(), retention.eligible(),
				utc(retention.eligibleAt()), retention.purged(), utc(retention.purgedAt()), retention.getId().kind(),
				retention.getId().id(), retention.version() };
	}

	private Map<SubjectRef, List<Hold>> activeHolds(List<SubjectRef> subjects) {
		Map<SubjectRef, List<Hold>> holds = new HashMap<>();
		jdbc.sql("SELECT hold_id, subject_kind, subject_id, reason, applied_at, applied_by FROM retention.retention_hold"
				+ " WHERE released_at IS NULL AND (subject_kind, subject_id) IN (" + pairs(subjects.size())
				+ ") ORDER BY applied_at, hold_id")
			.params(flatten(subjects))
			.query((row, index) -> Map.entry(subjectOf(row),
					new Hold(new Hold.Id(row.getObject("hold_id", UUID.class)), row.getString("reason"),
							instant(row, "applied_at"), row.getString("applied_by"))))
			.list()
			.forEach(entry -> holds.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
		return holds;
	}

	private static String pairs(int count) {
		return String.join(", ", java.util.Collections.nCopies(count, "(?, ?)"));
	}

	private static List<Object> flatten(List<SubjectRef> subjects) {
		List<Object> params = new ArrayList<>(subjects.size() * 2);
		subjects.forEach(subject -> {
			params.add(subject.kind());
			params.add(subject.id());
		});
		return params;
	}

	private static SubjectRef subjectOf(ResultSet row) throws SQLException {
		return new SubjectRef(row.getString("subject_kind"), row.getString("subject_id"));
	}

	private static Retention row(ResultSet row, List<Hold> holds) throws SQLException {
		return Retention.restore(subjectOf(row), row.getString("retention_class"), RetentionMode.of(row.getString("mode")),
				DeletionStrategy.of(row.getString("deletion_strategy")), instant(row, "applied_at"),
				instant(row, "expires_at"), holds, row.getBoolean("eligible"), instant(row, "eligible_at"),
				row.getBoolean("purged"), instant(row, "purged_at"), row.getLong("version"));
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
