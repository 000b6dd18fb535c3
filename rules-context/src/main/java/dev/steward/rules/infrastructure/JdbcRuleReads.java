package dev.steward.rules.infrastructure;

import dev.steward.kernel.Keyset;
import dev.steward.kernel.Page;
import dev.steward.rules.RuleFacade.RuleFilter;
import dev.steward.rules.RuleFacade.RuleRevisionView;
import dev.steward.rules.RuleFacade.RuleStateView;
import dev.steward.rules.RuleFacade.RuleView;
import dev.steward.rules.RuleStateKind;
import dev.steward.rules.application.RuleReads;
import dev.steward.rules.domain.CompiledRule;
import dev.steward.rules.domain.RuleDefinition;
import dev.steward.rules.application.RuleViews;
import dev.steward.rules.domain.RuleState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the rules views; each rule's source is compiled once per distinct source and kept. */
@Component
class JdbcRuleReads implements RuleReads {

	private static final String SELECT = "SELECT r.rule_id, r.source, r.revision, r.updated_at, r.updated_by,"
			+ " s.state, s.confidence_max, s.expires_at, s.reason, s.set_by, s.set_at"
			+ " FROM rules.rule r LEFT JOIN rules.rule_state s USING (rule_id)";

	private static final int COMPILED_CACHE = 10_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, RuleDefinition> compiled = new ConcurrentHashMap<>();

	JdbcRuleReads(JdbcClient jdbc, Clock rulesClock) {
		this.jdbc = jdbc;
		this.clock = rulesClock;
	}

	@Override
	public Page<RuleView> list(RuleFilter filter, @Nullable Map<String, ?> after, int size) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
		List<Object> params = new ArrayList<>();
		if (after != null) {
			sql.append(" AND r.rule_id > ?");
			params.add(Keyset.of(after).text("ruleId"));
		}
		if (filter.sourceKind() != null) {
			sql.append(" AND ? = ANY (r.applies_to)");
			params.add(filter.sourceKind().value());
		}
		if (filter.external() != null) {
			sql.append(" AND r.external = ?");
			params.add(filter.external());
		}
		if (filter.state() != null) {
			sql.append(" AND coalesce(CASE WHEN s.expires_at <= ? THEN NULL ELSE s.state END, 'enabled') = ?");
			params.add(Timestamp.from(clock.instant()));
			params.add(filter.state().value());
		}
		sql.append(" ORDER BY r.rule_id LIMIT ?");
		params.add(size + 1);
		List<RuleView> rows = jdbc.sql(sql.toString()).params(params).query((row, index) -> view(row)).list();
		return Page.of(rows, size, after != null);
	}

	@Override
	public Optional<RuleView> find(String ruleId) {
		return jdbc.sql(SELECT + " WHERE r.rule_id = ?").param(ruleId).query((row, index) -> view(row)).optional();
	}

	@Override
	public List<RuleRevisionView> history(String ruleId) {
		return jdbc.sql("SELECT rule_id, revision, rule_version, source, actor, changed_at, event_sequence"
				+ " FROM rules.rule_revision WHERE rule_id = ? ORDER BY revision DESC")
			.param(ruleId)
			.query((row, index) -> revision(row))
			.list();
	}

	@Override
	public Map<String, List<RuleRevisionView>> histories(java.util.Collection<String> ruleIds) {
		Map<String, List<RuleRevisionView>> histories = new LinkedHashMap<>();
		ruleIds.forEach(ruleId -> histories.put(ruleId, new ArrayList<>()));
		if (ruleIds.isEmpty()) {
			return histories;
		}
		jdbc.sql("SELECT rule_id, revision, rule_version, source, actor, changed_at, event_sequence"
				+ " FROM rules.rule_revision WHERE rule_id = ANY(?) ORDER BY rule_id, revision DESC")
			.param(ruleIds.toArray(String[]::new))
			.query((row, index) -> revision(row))
			.list()
			.forEach(revision -> histories.computeIfAbsent(revision.ruleId(), id -> new ArrayList<>()).add(revision));
		return histories;
	}

	private static RuleRevisionView revision(ResultSet row) throws SQLException {
		return new RuleRevisionView(row.getString("rule_id"), row.getLong("revision"),
				row.getObject("rule_version", Integer.class), row.getString("source"), row.getString("source") == null,
				row.getString("actor"), row.getTimestamp("changed_at").toInstant(), row.getLong("event_sequence"));
	}

	@Override
	public Optional<RuleStateView> state(String ruleId) {
		return jdbc.sql("SELECT state, confidence_max, expires_at, reason, set_by, set_at FROM rules.rule_state"
				+ " WHERE rule_id = ?")
			.param(ruleId)
			.query((row, index) -> RuleViews.state(state(row)))
			.optional();
	}

	@Override
	public List<CompiledRule> compiled() {
		return jdbc.sql(SELECT + " ORDER BY r.rule_id")
			.query((row, index) -> new CompiledRule(definition(row.getString("source")), state(row)))
			.list();
	}

	@Override
	public Map<String, String> sourceHashes() {
		Map<String, String> hashes = new LinkedHashMap<>();
		jdbc.sql("SELECT rule_id, source FROM rules.rule ORDER BY rule_id")
			.query((row, index) -> hashes.put(row.getString(1), hash(row.getString(2))))
			.list();
		return hashes;
	}

	static String hash(String source) {
		try {
			return HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(source.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private RuleView view(ResultSet row) throws SQLException {
		String source = row.getString("source");
		RuleDefinition definition = definition(source);
		RuleState state = state(row).at(clock.instant());
		return new RuleView(definition.ruleId(), definition.ruleVersion(), definition.name(),
				definition.description(), definition.appliesTo().stream().sorted().toList(), RuleViews.match(definition.match()),
				definition.match().external(), definition.emits().stream().map(RuleViews::emit).toList(),
				definition.evidenceFields(), source, row.getLong("revision"),
				row.getTimestamp("updated_at").toInstant(), row.getString("updated_by"), RuleViews.state(state));
	}

	private RuleDefinition definition(String source) {
		RuleDefinition definition = compiled.get(source);
		if (definition == null) {
			definition = StandardRuleSyntax.parser().parse(source);
			if (compiled.size() >= COMPILED_CACHE) {
				compiled.clear();
			}
			compiled.put(source, definition);
		}
		return definition;
	}

	private static RuleState state(ResultSet row) throws SQLException {
		String state = row.getString("state");
		if (state == null) {
			return RuleState.DEFAULT;
		}
		return new RuleState(RuleStateKind.of(state), row.getObject("confidence_max", Double.class),
				instant(row.getTimestamp("expires_at")), row.getString("reason"), row.getString("set_by"),
				instant(row.getTimestamp("set_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
