package dev.steward.rules.infrastructure;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.RebuiltViews;
import dev.steward.rules.RuleFacade.RulesViewsVerification;
import dev.steward.rules.RuleFacade.RulesViewsVerification.Difference;
import dev.steward.rules.domain.RuleViewRebuild;
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

	/** Each view, and its key as SQL over its columns. */
	private static final List<RebuiltViews.View> VIEWS = List.of(new RebuiltViews.View("rule", "rule_id", ""),
			new RebuiltViews.View("rule_revision", "rule_id || '#' || revision", ""),
			new RebuiltViews.View("rule_state", "rule_id", ""));

	private final JdbcClient jdbc;

	private final EventLog log;

	JdbcRuleViewRebuild(JdbcClient jdbc, @Qualifier("rulesEventLog") EventLog log) {
		this.jdbc = jdbc;
		this.log = log;
	}

	@Override
	public RulesViewsVerification verify() {
		for (RebuiltViews.View view : VIEWS) {
			jdbc.sql("CREATE TEMPORARY TABLE rebuilt_" + view.table() + " (LIKE rules." + view.table()
					+ " INCLUDING DEFAULTS) ON COMMIT DROP").update();
			jdbc.sql("ALTER TABLE pg_temp.rebuilt_" + view.table() + " ADD UNIQUE ("
					+ (view.table().equals("rule_revision") ? "rule_id, revision" : "rule_id") + ")").update();
		}
		RulesProjection replay = new RulesProjection(jdbc, "pg_temp.rebuilt_");
		long replayed = RebuiltViews.replay(log, replay::apply);
		List<Difference> differences = RebuiltViews.compareTables(jdbc, "rules", "rebuilt_", VIEWS)
			.stream()
			.map(difference -> new Difference(difference.view(), difference.key(), difference.problem()))
			.toList();
		return new RulesViewsVerification(differences.isEmpty(), replayed, differences);
	}
}
