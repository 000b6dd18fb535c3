package dev.steward.rules.infrastructure;

import dev.steward.kernel.events.LogEntry;
import dev.steward.rules.RulesEvents;
import dev.steward.rules.domain.RuleDefinition;
import java.sql.Timestamp;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules views as the log's entries shape them, written by one code path both live (in the appending
 * transaction) and when the views are rebuilt from the log into scratch tables.
 * @param prefix what names the three tables: {@code rules.} for the live views, {@code pg_temp.rebuilt_} for a
 * rebuild
 */
record RulesProjection(JdbcClient jdbc, String prefix) {

	void apply(LogEntry entry) {
		Map<String, Object> payload = entry.payload();
		String ruleId = (String) payload.get("rule_id");
		long revision = ((Number) payload.get("revision")).longValue();
		Timestamp at = Timestamp.from(entry.createdAt());
		switch (entry.type()) {
			case RulesEvents.UPSERTED -> {
				String source = (String) payload.get("source");
				RuleDefinition definition = StandardRuleSyntax.parser().parse(source);
				jdbc.sql("INSERT INTO " + prefix + "rule (rule_id, rule_version, name, applies_to, external, revision,"
						+ " source, updated_at, updated_by, event_sequence) VALUES (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)"
						+ " ON CONFLICT (rule_id) DO UPDATE SET rule_version = excluded.rule_version,"
						+ " name = excluded.name, applies_to = excluded.applies_to, external = excluded.external,"
						+ " revision = excluded.revision, source = excluded.source, updated_at = excluded.updated_at,"
						+ " updated_by = excluded.updated_by, event_sequence = excluded.event_sequence")
					.params(ruleId, definition.ruleVersion(), definition.name(),
							"{" + String.join(",", definition.appliesToNames()) + "}", definition.match().external(),
							revision, source, at, entry.actor(), entry.sequence())
					.update();
				revision(ruleId, revision, definition.ruleVersion(), source, entry, at);
			}
			case RulesEvents.DELETED -> {
				jdbc.sql("DELETE FROM " + prefix + "rule WHERE rule_id = ?").param(ruleId).update();
				jdbc.sql("DELETE FROM " + prefix + "rule_state WHERE rule_id = ?").param(ruleId).update();
				revision(ruleId, revision, null, null, entry, at);
			}
			case RulesEvents.STATE_SET -> {
				Object ceiling = payload.get("confidence_max");
				Object expiresAt = payload.get("expires_at");
				jdbc.sql("INSERT INTO " + prefix + "rule_state (rule_id, state, confidence_max, expires_at, reason,"
						+ " set_by, set_at, event_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (rule_id) DO UPDATE"
						+ " SET state = excluded.state, confidence_max = excluded.confidence_max,"
						+ " expires_at = excluded.expires_at, reason = excluded.reason, set_by = excluded.set_by,"
						+ " set_at = excluded.set_at, event_sequence = excluded.event_sequence")
					.params(ruleId, payload.get("state"),
							ceiling == null ? null : ((Number) ceiling).doubleValue(),
							expiresAt == null ? null : Timestamp.from(java.time.Instant.parse((String) expiresAt)),
							payload.get("reason"), entry.actor(), at, entry.sequence())
					.update();
			}
			case RulesEvents.STATE_CLEARED, RulesEvents.STATE_EXPIRED ->
				jdbc.sql("DELETE FROM " + prefix + "rule_state WHERE rule_id = ?").param(ruleId).update();
			default -> {
				// entries of other types shape no rules view
			}
		}
	}

	private void revision(String ruleId, long revision, @Nullable Integer ruleVersion, @Nullable String source,
			LogEntry entry, Timestamp at) {
		jdbc.sql("INSERT INTO " + prefix + "rule_revision (rule_id, revision, rule_version, source, actor, changed_at,"
				+ " event_sequence) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(ruleId, revision, ruleVersion, source, entry.actor(), at, entry.sequence())
			.update();
	}

}
