package dev.steward.policy.infrastructure;

import dev.steward.policy.PublishFacade.PublishRunView;
import dev.steward.policy.domain.PublishManifest;
import dev.steward.policy.domain.PublishRuns;
import dev.steward.policy.domain.PublishRun;
import dev.steward.policy.application.PublishRunReads;
import dev.steward.kernel.events.AggregateEvents;
import org.springframework.context.ApplicationEventPublisher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publish runs in {@code policy.publish_run}, the manifest as {@code jsonb}. PostgreSQL keeps a {@code jsonb}
 * object's members in an order of its own; reading puts them back in the order the manifest was written in, so
 * that a manifest reads as it was frozen (its values, and so its hashes, never change either way).
 */
@Component
class JdbcPublishRuns implements PublishRuns, PublishRunReads {

	private static final JsonMapper JSON = Json.MAPPER;

	private static final List<String> MANIFEST_ORDER = List.of("world_id", "client_profile", "generated_at",
			"item_count", "items_hash", "manifest_hash", "items");

	private static final List<String> ITEM_ORDER = List.of("policy_id", "policy_type", "namespace", "policy_key",
			"variant", "schema_version", "policy_version", "status", "content_hash", "updated_at");

	private static final String COLUMNS = "id, world_id, client_profile, actor, manifest, manifest_hash, created_at";

	private final JdbcClient jdbc;

	private final AggregateEvents events;

	JdbcPublishRuns(JdbcClient jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.events = new AggregateEvents(publisher);
	}

	@Override
	public PublishRun.Id nextId() {
		return new PublishRun.Id(jdbc.sql("SELECT nextval(pg_get_serial_sequence('policy.publish_run', 'id'))")
			.query(Long.class)
			.single());
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public PublishRun save(PublishRun run) {
		PublishManifest manifest = run.manifest();
		jdbc.sql("""
				INSERT INTO policy.publish_run (id, world_id, client_profile, actor, manifest, manifest_hash, created_at)
				OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)
				""")
			.params(run.getId().value(), manifest.worldId(), manifest.clientProfile(), run.actor(),
					JSON.writeValueAsString(manifest.toJson()), manifest.manifestHash(),
					OffsetDateTime.ofInstant(manifest.generatedAt(), ZoneOffset.UTC))
			.update();
		return events.publishFrom(run);
	}

	@Override
	public Optional<PublishRunView> find(long publishRunId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM policy.publish_run WHERE id = ?")
			.param(publishRunId)
			.query(JdbcPublishRuns::run)
			.optional();
	}

	@Override
	public List<PublishRunView> list(String worldId, @Nullable String clientProfile, @Nullable Long beforeId,
			int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM policy.publish_run WHERE world_id = ?");
		List<Object> params = new ArrayList<>(List.of(worldId));
		if (clientProfile != null) {
			sql.append(" AND client_profile = ?");
			params.add(clientProfile);
		}
		if (beforeId != null) {
			sql.append(" AND id < ?");
			params.add(beforeId);
		}
		sql.append(" ORDER BY id DESC LIMIT ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(JdbcPublishRuns::run).list();
	}

	private static PublishRunView run(ResultSet row, int index) throws SQLException {
		Map<String, Object> stored = JSON.readValue(row.getString("manifest"),
				new TypeReference<LinkedHashMap<String, Object>>() {});
		Map<String, Object> manifest = ordered(stored, MANIFEST_ORDER);
		if (manifest.get("items") instanceof List<?> items) {
			manifest.put("items", items.stream()
				.map(item -> item instanceof Map<?, ?> object ? ordered(object, ITEM_ORDER) : item)
				.toList());
		}
		return new PublishRunView(row.getLong("id"), row.getString("world_id"), row.getString("client_profile"),
				row.getString("actor"), manifest, row.getString("manifest_hash"),
				String.valueOf(manifest.get("items_hash")),
				manifest.get("item_count") instanceof Number count ? count.intValue() : 0,
				row.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static Map<String, Object> ordered(Map<?, ?> object, List<String> order) {
		Map<String, Object> result = new LinkedHashMap<>();
		order.stream().filter(object::containsKey).forEach(key -> result.put(key, object.get(key)));
		object.forEach((key, value) -> result.putIfAbsent(String.valueOf(key), value));
		return result;
	}
}
