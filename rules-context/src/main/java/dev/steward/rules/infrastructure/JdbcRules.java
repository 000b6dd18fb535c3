package dev.steward.rules.infrastructure;

import dev.steward.kernel.events.AggregateEvents;
import dev.steward.rules.RuleStateKind;
import dev.steward.rules.domain.Rule;
import dev.steward.rules.domain.RuleId;
import dev.steward.rules.domain.RuleState;
import dev.steward.rules.domain.Rules;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rules over the rules views. A rule is locked by a transaction-scoped advisory lock on its id (which also
 * covers an id with no row yet), and saving it publishes its events, which the appender logs and projects.
 */
@Repository
class JdbcRules implements Rules {

	private final JdbcClient jdbc;

	private final AggregateEvents events;

	JdbcRules(JdbcClient jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.events = new AggregateEvents(publisher);
	}

	@Override
	public Rule lock(RuleId id) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('rules.rule:' || ?, 0))")
			.param(id.value())
			.query((row, index) -> 1)
			.list();
		Optional<Rule> stored = jdbc.sql("SELECT r.source, r.revision, s.state, s.confidence_max, s.expires_at,"
				+ " s.reason, s.set_by, s.set_at FROM rules.rule r LEFT JOIN rules.rule_state s USING (rule_id)"
				+ " WHERE r.rule_id = ?")
			.param(id.value())
			.query((row, index) -> {
				String state = row.getString("state");
				Double ceiling = row.getObject("confidence_max", Double.class);
				RuleState current = state == null ? RuleState.DEFAULT
						: new RuleState(RuleStateKind.of(state), ceiling, instant(row.getTimestamp("expires_at")),
								row.getString("reason"), row.getString("set_by"), instant(row.getTimestamp("set_at")));
				return Rule.stored(id, row.getString("source"), row.getLong("revision"), current);
			})
			.optional();
		return stored.orElseGet(() -> Rule.absent(id, jdbc
			.sql("SELECT coalesce(max(revision), 0) FROM rules.rule_revision WHERE rule_id = ?")
			.param(id.value())
			.query(Long.class)
			.single()));
	}

	@Override
	public void save(Rule rule) {
		events.publishFrom(rule);
	}

	@Override
	public List<RuleId> withStateExpiredBy(Instant now, int limit) {
		return jdbc.sql("SELECT rule_id FROM rules.rule_state WHERE expires_at <= ? ORDER BY expires_at, rule_id LIMIT ?")
			.params(Timestamp.from(now), limit)
			.query((row, index) -> RuleId.of(row.getString(1)))
			.list();
	}

	static @org.jspecify.annotations.Nullable Instant instant(@org.jspecify.annotations.Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
