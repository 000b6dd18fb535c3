package dev.steward.retention.infrastructure;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.kernel.events.RebuiltViews;
import dev.steward.retention.RetentionEvents;
import dev.steward.retention.RetentionFacade.RetentionViewsVerification;
import dev.steward.retention.RetentionFacade.RetentionViewsVerification.Difference;
import dev.steward.retention.domain.RetentionViewRebuild;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Replays the retention log into temporary tables (dropped at commit) shaped like the live views, starting the
 * classes from the ones the migration shipped, then compares the two with {@code EXCEPT ALL} both ways. Columns that
 * hold the time a change was made (rather than a time the log records) are not compared.
 */
@Component
class JdbcRetentionViewRebuild implements RetentionViewRebuild {

	private static final List<RebuiltViews.View> VIEWS = List.of(
			new RebuiltViews.View("retention_class", "name",
					"name text, default_duration_seconds bigint, deletion_strategy text, mode text, description text,"
							+ " created_by text, updated_by text, version bigint",
					"name, default_duration_seconds, deletion_strategy, mode, description, created_by, updated_by, version"),
			new RebuiltViews.View("retention_subject", "subject_kind || ':' || subject_id",
					"subject_kind text, subject_id text, retention_class text, mode text, deletion_strategy text,"
							+ " expires_at timestamptz, active_holds integer, eligible boolean, purged boolean",
					"subject_kind, subject_id, retention_class, mode, deletion_strategy, expires_at, active_holds,"
							+ " eligible, purged"),
			new RebuiltViews.View("retention_hold", "hold_id",
					"hold_id text, subject_kind text, subject_id text, reason text, applied_by text, released boolean,"
							+ " released_by text, release_reason text",
					"hold_id::text, subject_kind, subject_id, reason, applied_by, released_at IS NOT NULL, released_by,"
							+ " release_reason"));

	private final JdbcClient jdbc;

	private final EventLog log;

	JdbcRetentionViewRebuild(JdbcClient jdbc, @Qualifier("retentionEventLog") EventLog log) {
		this.jdbc = jdbc;
		this.log = log;
	}

	@Override
	public RetentionViewsVerification verify() {
		Replay replay = new Replay();
		jdbc.sql("SELECT name, default_duration_seconds, deletion_strategy, mode, description"
				+ " FROM retention.retention_class_shipped")
			.query((row, index) -> {
				long stored = row.getLong("default_duration_seconds");
				Long duration = row.wasNull() ? null : stored;
				replay.put("retention_class", row.getString("name"), row.getString("name"), duration, row.getString("deletion_strategy"), row.getString("mode"),
						row.getString("description"), "steward", "steward", 0L);
				return null;
			})
			.list();
		long replayed = RebuiltViews.replay(log, replay::apply);
		List<Difference> differences = RebuiltViews.compare(jdbc, "retention", VIEWS, replay::rows)
			.stream()
			.map(difference -> new Difference(difference.view(), difference.key(), difference.problem()))
			.toList();
		return new RetentionViewsVerification(differences.isEmpty(), replayed, differences);
	}

	/** The views as the log's events leave them, row by row in each view's column order. */
	private static final class Replay extends RebuiltViews.Rows {

		void apply(LogEntry entry) {
			Map<String, Object> payload = entry.payload();
			String subject = entry.subjectKind() + ":" + entry.subjectId();
			Object[] state = get("retention_subject", subject);
			switch (entry.type()) {
				case RetentionEvents.CLASS_CREATED -> put("retention_class", entry.subjectId(), entry.subjectId(),
						number(payload.get("default_duration_seconds")), payload.get("deletion_strategy"),
						payload.get("mode"), payload.get("description"), entry.actor(), entry.actor(), 0L);
				case RetentionEvents.CLASS_CHANGED -> {
					Object[] before = get("retention_class", entry.subjectId());
					put("retention_class", entry.subjectId(), entry.subjectId(),
							number(payload.get("default_duration_seconds")), payload.get("deletion_strategy"),
							payload.get("mode"), payload.get("description"), before == null ? null : before[5],
							entry.actor(), before == null ? null : (Long) before[7] + 1);
				}
				case RetentionEvents.DEFAULT_APPLIED -> put("retention_subject", subject, entry.subjectKind(),
						entry.subjectId(), payload.get("retention_class"), payload.get("mode"),
						payload.get("deletion_strategy"), time(payload.get("expires_at")), 0, false, false);
				case RetentionEvents.EXTENDED, RetentionEvents.SHORTENED -> {
					if (state != null) {
						state[5] = time(payload.get("new_expires_at"));
						if (Boolean.TRUE.equals(payload.get("eligibility_revoked"))) {
							state[7] = false;
						}
					}
				}
				case RetentionEvents.HOLD_APPLIED -> {
					put("retention_hold", String.valueOf(payload.get("hold_id")), payload.get("hold_id"),
							entry.subjectKind(), entry.subjectId(), payload.get("reason"), entry.actor(), false, null,
							null);
					if (state != null) {
						state[6] = (Integer) state[6] + 1;
					}
				}
				case RetentionEvents.HOLD_RELEASED -> {
					Object[] hold = get("retention_hold", String.valueOf(payload.get("hold_id")));
					if (hold != null) {
						hold[5] = true;
						hold[6] = entry.actor();
						hold[7] = payload.get("reason");
					}
					if (state != null) {
						state[6] = (Integer) state[6] - 1;
					}
				}
				case RetentionEvents.DELETION_ELIGIBLE -> {
					if (state != null) {
						state[7] = true;
					}
				}
				case RetentionEvents.PURGED -> {
					if (state != null) {
						state[8] = true;
					}
				}
				default -> {
					// no other event shapes a retention view
				}
			}
		}

		private static @Nullable Long number(@Nullable Object value) {
			return value instanceof Number number ? number.longValue() : null;
		}

		private static @Nullable OffsetDateTime time(@Nullable Object value) {
			return value == null ? null : OffsetDateTime.ofInstant(Instant.parse(value.toString()), ZoneOffset.UTC);
		}
	}
}
