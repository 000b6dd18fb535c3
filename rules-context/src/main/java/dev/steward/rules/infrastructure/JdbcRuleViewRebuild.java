package dev.steward.rules.infrastructure;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.rules.RuleFacade.RulesViewsVerification;
import dev.steward.rules.RuleFacade.RulesViewsVerification.Difference;
import dev.steward.rules.domain.RuleViewRebuild;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Replays the rules event log, through the same projection as the live views, into temporary tables shaped like
 * them (dropped at commit), then compares the two with {@code EXCEPT ALL} in both directions.
 */
@Component
class JdbcRuleViewRebuild implements RuleViewRebuild {

	private static final int PAGE = 1_000;

	private static final int DIFFERENCES_PER_VIEW = 20;

	/** Each view and its key as SQL. */
	private static final List<String[]> VIEWS = List.of(new String[] { "rule", "rule_id" },
			new String[] { "rule_revision", "rule_id || '#' || revision" }, new String[] { "rule_state", "rule_id" });

	private final JdbcClient jdbc;

	private final EventLog log;

	JdbcRuleViewRebuild(JdbcClient jdbc, @Qualifier("rulesEventLog") EventLog log) {
		this.jdbc = jdbc;
		this.log = log;
	}

	@Override
	public RulesViewsVerification verify() {
		for (String[] view : VIEWS) {
			jdbc.sql("CREATE TEMPORARY TABLE rebuilt_" + view[0] + " (LIKE rules." + view[0]
					+ " INCLUDING DEFAULTS) ON COMMIT DROP").update();
			jdbc.sql("ALTER TABLE pg_temp.rebuilt_" + view[0] + " ADD UNIQUE ("
					+ (view[0].equals("rule_revision") ? "rule_id, revision" : "rule_id") + ")").update();
		}
		RulesProjection replay = new RulesProjection(jdbc, "pg_temp.rebuilt_");
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
		for (String[] view : VIEWS) {
			String rebuilt = "SELECT * FROM pg_temp.rebuilt_" + view[0];
			String live = "SELECT * FROM rules." + view[0];
			differences.addAll(differences(view, "(" + rebuilt + " EXCEPT ALL " + live + ")", "only in the log"));
			differences.addAll(differences(view, "(" + live + " EXCEPT ALL " + rebuilt + ")", "only in the view"));
		}
		return new RulesViewsVerification(differences.isEmpty(), replayed, differences);
	}

	private List<Difference> differences(String[] view, String rows, String problem) {
		return jdbc.sql("SELECT " + view[1] + " FROM " + rows + " d ORDER BY 1 LIMIT " + DIFFERENCES_PER_VIEW)
			.query((row, index) -> new Difference(view[0], row.getString(1), problem))
			.list();
	}
}
