package dev.steward.policy.infrastructure;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.kernel.events.RebuiltViews;
import dev.steward.policy.PolicyId;
import dev.steward.policy.PolicyFacade.PolicyViewsVerification;
import dev.steward.policy.PolicyFacade.PolicyViewsVerification.Difference;
import dev.steward.policy.domain.PolicyType;
import dev.steward.policy.domain.PolicyViewRebuild;
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

	/** Each view: its table, its key as SQL, and the columns the log determines, with their types. */
	private static final List<RebuiltViews.View> VIEWS = List.of(
			new RebuiltViews.View("world", "id", "id text, name text, description text, active boolean, config jsonb,"
					+ " created_by text, updated_by text, version bigint"),
			new RebuiltViews.View("policy_item", "policy_id", "policy_id text, policy_type text, namespace text, policy_key text"),
			new RebuiltViews.View("policy_variant", "policy_id || '@' || variant", "policy_id text, variant text,"
					+ " schema_version text, policy_version integer, status text, content jsonb, content_hash text,"
					+ " updated_by text, version bigint"),
			new RebuiltViews.View("validation_run", "id::text", "id bigint, policy_id text, variant text, valid boolean,"
					+ " errors jsonb, content_hash text, validated_by text"),
			new RebuiltViews.View("activation", "world_id || '/' || client_profile || '/' || policy_id", "world_id text,"
					+ " client_profile text, policy_id text, variant text, activated_by text, event_sequence bigint"),
			new RebuiltViews.View("activation_event", "event_sequence::text", "event_sequence bigint, world_id text,"
					+ " client_profile text, policy_id text, variant text, replaced_variant text, rollback_of bigint,"
					+ " actor text"),
			new RebuiltViews.View("policy_type", "name", "name text, layer text, json_schema jsonb, registered_by text"),
			new RebuiltViews.View("publish_run", "id::text", "id bigint, world_id text, client_profile text, actor text,"
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
		long replayed = RebuiltViews.replay(log, replay::apply);
		List<Difference> differences = RebuiltViews.compare(jdbc, "policy", VIEWS, replay::rows)
			.stream()
			.map(difference -> new Difference(difference.view(), difference.key(), difference.problem()))
			.toList();
		return new PolicyViewsVerification(differences.isEmpty(), replayed, differences);
	}

	/** The views as the log's events leave them, row by row in each view's column order. */
	private static final class Replay extends RebuiltViews.Rows {

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
