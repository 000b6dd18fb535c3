package dev.steward.policy.infrastructure;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.policy.PolicyId;
import dev.steward.policy.PolicyFacade.PolicyViewsVerification;
import dev.steward.policy.PolicyFacade.PolicyViewsVerification.Difference;
import dev.steward.policy.domain.PolicyType;
import dev.steward.policy.domain.PolicyViewRebuild;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the policy event log into temporary tables (the session's scratch schema, dropped at commit) shaped
 * like the live views, then compares the two with {@code EXCEPT} in both directions.
 */
@Component
class JdbcPolicyViewRebuild implements PolicyViewRebuild {

	private static final JsonMapper JSON = Json.MAPPER;

	private static final int PAGE = 1_000;

	private static final int DIFFERENCES_PER_VIEW = 20;

	/** Each view: its table, its key as SQL, and the columns the log determines, with their types. */
	private static final List<View> VIEWS = List.of(
			new View("world", "id", "id text, name text, description text, active boolean, config jsonb,"
					+ " created_by text, updated_by text, version bigint"),
			new View("policy_item", "policy_id", "policy_id text, policy_type text, namespace text, policy_key text"),
			new View("policy_variant", "policy_id || '@' || variant", "policy_id text, variant text,"
					+ " schema_version text, policy_version integer, status text, content jsonb, content_hash text,"
					+ " updated_by text, version bigint"),
			new View("validation_run", "id::text", "id bigint, policy_id text, variant text, valid boolean,"
					+ " errors jsonb, content_hash text, validated_by text"),
			new View("activation", "world_id || '/' || client_profile || '/' || policy_id", "world_id text,"
					+ " client_profile text, policy_id text, variant text, activated_by text, event_sequence bigint"),
			new View("activation_event", "event_sequence::text", "event_sequence bigint, world_id text,"
					+ " client_profile text, policy_id text, variant text, replaced_variant text, rollback_of bigint,"
					+ " actor text"),
			new View("policy_type", "name", "name text, layer text, json_schema jsonb, registered_by text"),
			new View("publish_run", "id::text", "id bigint, world_id text, client_profile text, actor text,"
					+ " manifest jsonb, manifest_hash text"));

	private final JdbcClient jdbc;

	private final EventLog log;

	JdbcPolicyViewRebuild(JdbcClient jdbc, @Qualifier("policyEventLog") EventLog log) {
		this.jdbc = jdbc;
		this.log = log;
	}

	@Override
	public PolicyViewsVerification verify() {
		Replay replay = new Replay();
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
			String placeholders = String.join(", ", view.columnTypes().stream()
				.map(type -> type.equals("jsonb") ? "?::jsonb" : "?")
				.toList());
			for (Object[] row : replay.rows(view.table())) {
				jdbc.sql("INSERT INTO " + scratch + " VALUES (" + placeholders + ")").params(Arrays.asList(row)).update();
			}
			String columns = String.join(", ", view.columnNames());
			String rebuilt = "SELECT " + columns + " FROM pg_temp." + scratch;
			String live = "SELECT " + columns + " FROM policy." + view.table();
			differences.addAll(differences(view, "(" + rebuilt + " EXCEPT ALL " + live + ")", "only in the log"));
			differences.addAll(differences(view, "(" + live + " EXCEPT ALL " + rebuilt + ")", "only in the view"));
		}
		return new PolicyViewsVerification(differences.isEmpty(), replayed, differences);
	}

	private List<Difference> differences(View view, String rows, String problem) {
		return jdbc.sql("SELECT " + view.key() + " FROM " + rows + " d ORDER BY 1 LIMIT " + DIFFERENCES_PER_VIEW)
			.query((row, index) -> new Difference(view.table(), row.getString(1), problem))
			.list();
	}

	private record View(String table, String key, String columns) {

		List<String> columnNames() {
			return Arrays.stream(columns.split(",")).map(column -> column.strip().split(" ")[0]).toList();
		}

		List<String> columnTypes() {
			return Arrays.stream(columns.split(",")).map(column -> column.strip().split(" ")[1]).toList();
		}
	}

	/** The views as the log's events leave them, row by row in each view's column order. */
	private static final class Replay {

		private final Map<String, Map<String, Object[]>> views = new LinkedHashMap<>();

		List<Object[]> rows(String view) {
			return List.copyOf(views.getOrDefault(view, Map.of()).values());
		}

		private void put(String view, String key, Object... row) {
			views.computeIfAbsent(view, name -> new LinkedHashMap<>()).put(key, row);
		}

		private Object @Nullable [] get(String view, String key) {
			return views.getOrDefault(view, Map.of()).get(key);
		}

		void apply(LogEntry entry) {
			Map<String, Object> payload = entry.payload();
			switch (entry.type()) {
				case "v1.world.created" -> put("world", text(payload, "world_id"), text(payload, "world_id"),
						payload.get("name"), payload.get("description"), payload.get("active"), json(payload.get("config")),
						entry.actor(), entry.actor(), 0L);
				case "v1.world.updated" -> {
					String id = text(payload, "world_id");
					Object[] before = get("world", id);
					put("world", id, id, payload.get("name"), payload.get("description"), payload.get("active"),
							json(payload.get("config")), before == null ? null : before[5], entry.actor(),
							before == null ? null : (Long) before[7] + 1);
				}
				case "v1.policy_variant.saved" -> {
					PolicyId id = PolicyId.parse(text(payload, "policy_id"));
					put("policy_item", id.value(), id.value(), id.type(), id.namespace(), id.key());
					put("policy_variant", id.value() + "@" + payload.get("variant"), id.value(), payload.get("variant"),
							payload.get("schema_version"), number(payload.get("policy_version")).intValue(),
							payload.get("status"), json(payload.get("content")), payload.get("content_hash"),
							entry.actor(), number(payload.get("version")).longValue());
				}
				case "v1.policy_variant.validated" -> put("validation_run", text(payload, "validation_run_id"),
						number(payload.get("validation_run_id")).longValue(), payload.get("policy_id"),
						payload.get("variant"), payload.get("valid"), json(payload.get("errors")),
						payload.get("content_hash"), entry.actor());
				case "v1.policy.activated" -> {
					String scope = payload.get("world_id") + "/" + payload.get("client_profile") + "/"
							+ payload.get("policy_id");
					put("activation", scope, payload.get("world_id"), payload.get("client_profile"),
							payload.get("policy_id"), payload.get("variant"), entry.actor(), entry.sequence());
					Object rollbackOf = payload.get("rollback_of");
					put("activation_event", Long.toString(entry.sequence()), entry.sequence(), payload.get("world_id"),
							payload.get("client_profile"), payload.get("policy_id"), payload.get("variant"),
							payload.get("replaced_variant"), rollbackOf == null ? null : number(rollbackOf).longValue(),
							entry.actor());
				}
				case "v1.policy_type.registered" -> {
					// a registration under a built-in name was accepted once by mistake; a migration removed it
					if (PolicyType.BUILT_INS.stream().noneMatch(type -> type.name().equals(payload.get("name")))) {
						put("policy_type", text(payload, "name"), payload.get("name"), payload.get("layer"),
								json(payload.get("json_schema")), entry.actor());
					}
				}
				case "v1.policy.published" -> put("publish_run", text(payload, "publish_run_id"),
						number(payload.get("publish_run_id")).longValue(), payload.get("world_id"),
						payload.get("client_profile"), entry.actor(), json(payload.get("manifest")),
						payload.get("manifest_hash"));
				default -> {
					// events of other kinds shape no policy view
				}
			}
		}

		private static String text(Map<String, Object> payload, String key) {
			return String.valueOf(payload.get(key));
		}

		private static Number number(@Nullable Object value) {
			return value instanceof Number number ? number : 0L;
		}

		private static @Nullable String json(@Nullable Object value) {
			return value == null ? null : JSON.writeValueAsString(value);
		}
	}
}
