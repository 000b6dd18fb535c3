package dev.steward.kernel.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The check behind every context's {@code verify…Views}: the context's log replayed from its first entry, the views
 * as that replay leaves them in temporary tables (dropped at commit), and the two sides compared with
 * {@code EXCEPT ALL} in both directions. Everything runs in the caller's transaction, which should be
 * {@code REPEATABLE READ} so that the log and the live views are read in one snapshot.
 */
public final class RebuiltViews {

	/** How many differences are reported per view and direction at most. */
	public static final int DIFFERENCES_PER_VIEW = 20;

	private static final int PAGE = 1_000;

	private RebuiltViews() {
	}

	/**
	 * A view: its table in the context's schema, its key as SQL over its columns, its columns with their types
	 * ({@code "id uuid, name text"}), and the live select of those columns, when it is not the columns themselves.
	 */
	public record View(String table, String key, String columns, @Nullable String live) {

		public View(String table, String key, String columns) {
			this(table, key, columns, null);
		}

		List<String> columnNames() {
			return Arrays.stream(columns.split(",")).map(column -> column.strip().split(" ")[0]).toList();
		}

		List<String> columnTypes() {
			return Arrays.stream(columns.split(",")).map(column -> column.strip().split(" ", 2)[1]).toList();
		}

		String liveSelect() {
			return live != null ? live : String.join(", ", columnNames());
		}
	}

	/** A row that differs: its view, its key, and on which side it is alone. */
	public record Difference(String view, String key, String problem) {
	}

	/**
	 * Applies every entry of the log to {@code apply}, in sequence order.
	 * @return how many entries were applied
	 */
	public static long replay(EventLog log, Consumer<LogEntry> apply) {
		long after = 0;
		long replayed = 0;
		for (List<LogEntry> page = log.after(after, PAGE); !page.isEmpty(); page = log.after(after, PAGE)) {
			for (LogEntry entry : page) {
				apply.accept(entry);
				after = entry.sequence();
				replayed++;
			}
		}
		return replayed;
	}

	/**
	 * Loads each view's replayed rows (in its column order) into a temporary table and compares it with the live
	 * view {@code schema.table}.
	 */
	public static List<Difference> compare(JdbcClient jdbc, String schema, List<View> views,
			Function<String, List<@Nullable Object[]>> replayedRows) {
		List<Difference> differences = new ArrayList<>();
		for (View view : views) {
			String scratch = "pg_temp.rebuilt_" + schema + "_" + view.table();
			jdbc.sql("CREATE TEMPORARY TABLE " + scratch.substring("pg_temp.".length()) + " (" + view.columns()
					+ ") ON COMMIT DROP").update();
			String placeholders = String.join(", ", view.columnTypes().stream().map(type -> "?::" + type).toList());
			for (@Nullable Object[] row : replayedRows.apply(view.table())) {
				jdbc.sql("INSERT INTO " + scratch + " VALUES (" + placeholders + ")").params(Arrays.asList(row)).update();
			}
			String rebuilt = "SELECT " + String.join(", ", view.columnNames()) + " FROM " + scratch;
			String live = "SELECT " + view.liveSelect() + " FROM " + schema + "." + view.table();
			differences.addAll(differences(jdbc, view, rebuilt, live));
		}
		return differences;
	}

	/**
	 * Compares tables the caller filled by replaying into them ({@code pg_temp.<prefix><table>}, made
	 * {@code LIKE} the live views) with the live views {@code schema.table}, all columns; a view's key is SQL over
	 * the live columns, and its columns are not needed.
	 */
	public static List<Difference> compareTables(JdbcClient jdbc, String schema, String prefix, List<View> views) {
		List<Difference> differences = new ArrayList<>();
		for (View view : views) {
			differences.addAll(differences(jdbc, view, "SELECT * FROM pg_temp." + prefix + view.table(),
					"SELECT * FROM " + schema + "." + view.table(), "d"));
		}
		return differences;
	}

	private static List<Difference> differences(JdbcClient jdbc, View view, String rebuilt, String live) {
		return differences(jdbc, view, rebuilt, live, "d(" + String.join(", ", view.columnNames()) + ")");
	}

	private static List<Difference> differences(JdbcClient jdbc, View view, String rebuilt, String live,
			String alias) {
		List<Difference> differences = new ArrayList<>();
		differences.addAll(alone(jdbc, view, "(" + rebuilt + " EXCEPT ALL " + live + ") " + alias, "only in the log"));
		differences.addAll(alone(jdbc, view, "(" + live + " EXCEPT ALL " + rebuilt + ") " + alias, "only in the view"));
		return differences;
	}

	private static List<Difference> alone(JdbcClient jdbc, View view, String rows, String problem) {
		return jdbc.sql("SELECT " + view.key() + " FROM " + rows + " ORDER BY 1 LIMIT " + DIFFERENCES_PER_VIEW)
			.query((row, index) -> new Difference(view.table(), row.getString(1), problem))
			.list();
	}

	/** The rows of views as a replay builds them: per view, one row per key, in the order keys first came. */
	public static class Rows {

		private final Map<String, Map<String, @Nullable Object[]>> views = new LinkedHashMap<>();

		/** The view's rows, each in the view's column order. */
		public List<@Nullable Object[]> rows(String view) {
			return List.copyOf(views.getOrDefault(view, Map.of()).values());
		}

		public void put(String view, String key, @Nullable Object... row) {
			views.computeIfAbsent(view, name -> new LinkedHashMap<>()).put(key, row);
		}

		public @Nullable Object @Nullable [] get(String view, String key) {
			return views.getOrDefault(view, Map.of()).get(key);
		}

		public void remove(String view, String key) {
			Map<String, Object[]> rows = views.get(view);
			if (rows != null) {
				rows.remove(key);
			}
		}
	}
}
