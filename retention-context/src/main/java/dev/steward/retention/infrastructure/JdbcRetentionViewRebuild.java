package dev.steward.retention.infrastructure;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.retention.RetentionEvents;
import dev.steward.retention.RetentionFacade.RetentionViewsVerification;
import dev.steward.retention.RetentionFacade.RetentionViewsVerification.Difference;
import dev.steward.retention.domain.RetentionViewRebuild;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

	private static final int PAGE = 1_000;

	private static final int DIFFERENCES_PER_VIEW = 20;

	private static final List<View> VIEWS = List.of(
			new View("retention_class", "name",
					"name text, default_duration_seconds bigint, deletion_strategy text, mode text, description text,"
							+ " created_by text, updated_by text, version bigint",
					"name, default_duration_seconds, deletion_strategy, mode, description, created_by, updated_by, version"),
			new View("retention_subject", "subject_kind || ':' || subject_id",
					"subject_kind text, subject_id text, retention_class text, mode text, deletion_strategy text,"
							+ " expires_at timestamptz, active_holds integer, eligible boolean, purged boolean",
					"subject_kind, subject_id, retention_class, mode, deletion_strategy, expires_at, active_holds,"
							+ " eligible, purged"),
			new View("retention_hold", "hold_id",
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
		long after = 0;
		long replayed = 0;
		for (List<LogEntry> page = log.after(after, PAGE); !page.isEmpty(); page = log.after(after, PAGE)) {
			for (LogEntry entry : page) {
				replay.apply(entry);
				after = entry.sequence();
				replayed++;
			}
		}
		List<Difference> differences = new ArrayList<>();
		for (View view : VIEWS) {
			String scratch = "rebuilt_" + view.table();
			jdbc.sql("CREATE TEMPORARY TABLE " + scratch + " (" + view.columns() + ") ON COMMIT DROP").update();
			String placeholders = String.join(", ", view.columnNames().stream().map(column -> "?").toList());
			for (Object[] row : replay.rows(view.table())) {
				jdbc.sql("INSERT INTO " + scratch + " VALUES (" + placeholders + ")").params(Arrays.asList(row)).update();
			}
			String rebuilt = "SELECT " + String.join(", ", view.columnNames()) + " FROM pg_temp." + scratch;
			String live = "SELECT " + view.live() + " FROM retention." + view.table();
			differences.addAll(differences(view, "(" + rebuilt + " EXCEPT ALL " + live + ")", "only in the log"));
			differences.addAll(differences(view, "(" + live + " EXCEPT ALL " + rebuilt + ")", "only in the view"));
		}
		return new RetentionViewsVerification(differences.isEmpty(), replayed, differences);
	}

	private List<Difference> differences(View view, String rows, String problem) {
		return jdbc.sql("SELECT " + view.key() + " FROM " + rows + " d(" + String.join(", ", view.columnNames())
				+ ") ORDER BY 1 LIMIT " + DIFFERENCES_PER_VIEW)
			.query((row, index) -> new Difference(view.table(), row.getString(1), problem))
			.list();
	}

	/** A view: its table, its key as SQL over its columns, its columns with types, and the live select of them. */
	private record View(String table, String key, String columns, String live) {

		List<String> columnNames() {
			return Arrays.stream(columns.split(",")).map(column -> column.strip().split(" ")[0]).toList();
		}
	}

	/** The views as the log's events leave them, row by row in each view's column order. */
	private static final class Replay {

		private final Map<String, Map<String, Object[]>> views = new LinkedHashMap<>();

		List<Object[]> rows(String view) {
			return List.copyOf(views.getOrDefault(view, Map.of()).values());
		}

		void put(String view, String key, @Nullable Object... row) {
			views.computeIfAbsent(view, name -> new LinkedHashMap<>()).put(key, row);
		}

		private Object @Nullable [] get(String view, String key) {
			return views.getOrDefault(view, Map.of()).get(key);
		}

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
