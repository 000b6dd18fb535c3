package dev.steward.policy.infrastructure;

import dev.steward.kernel.events.AggregateEvents;
import dev.steward.policy.PolicyId;
import dev.steward.policy.domain.Policies;
import dev.steward.policy.domain.Policy;
import dev.steward.policy.domain.PolicyVariant;
import dev.steward.policy.domain.VariantName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policies in {@code policy.policy_item} and their variants in {@code policy.policy_variant}. A policy is loaded
 * for a change under its identity row's lock, created on first use, so changes to one policy happen one after the
 * other; a variant is written only where its version is still the one loaded.
 */
@Component
class JdbcPolicies implements Policies {

	private static final JsonMapper JSON = Json.MAPPER;

	private final JdbcClient jdbc;

	private final AggregateEvents events;

	JdbcPolicies(JdbcClient jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.events = new AggregateEvents(publisher);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Policy lockForChange(PolicyId id) {
		jdbc.sql("""
				INSERT INTO policy.policy_item (policy_id, policy_type, namespace, policy_key) VALUES (?, ?, ?, ?)
				ON CONFLICT (policy_id) DO NOTHING
				""").params(id.value(), id.type(), id.namespace(), id.key()).update();
		jdbc.sql("SELECT policy_id FROM policy.policy_item WHERE policy_id = ? FOR UPDATE")
			.param(id.value())
			.query(String.class)
			.single();
		return Policy.of(id, jdbc.sql("""
				SELECT variant, schema_version, policy_version, status, content, content_hash, updated_at, updated_by,
				       version
				FROM policy.policy_variant WHERE policy_id = ? ORDER BY variant""")
			.param(id.value())
			.query(JdbcPolicies::variant)
			.list());
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Policy save(Policy policy) {
		for (Policy.Change change : policy.changes()) {
			PolicyVariant variant = change.variant();
			String json = JSON.writeValueAsString(variant.content());
			OffsetDateTime at = OffsetDateTime.ofInstant(variant.updatedAt(), ZoneOffset.UTC);
			int written = change.isNew() ? jdbc.sql("""
					INSERT INTO policy.policy_variant (policy_id, variant, schema_version, policy_version, status,
					    content, content_hash, updated_at, updated_by, version)
					VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, 0)
					""")
				.params(policy.getId().value(), variant.name(), variant.schemaVersion(), variant.policyVersion(),
						variant.status(), json, variant.contentHash(), at, variant.updatedBy())
				.update()
					: jdbc.sql("""
							UPDATE policy.policy_variant SET schema_version = ?, policy_version = ?, status = ?,
							    content = ?::jsonb, content_hash = ?, updated_at = ?, updated_by = ?, version = ?
							WHERE policy_id = ? AND variant = ? AND version = ?
							""")
						.params(variant.schemaVersion(), variant.policyVersion(), variant.status(), json,
								variant.contentHash(), at, variant.updatedBy(), variant.version(),
								policy.getId().value(), variant.name(), variant.version() - 1)
						.update();
			if (written != 1) {
				throw new OptimisticLockingFailureException(
						"Variant " + policy.getId() + "@" + variant.name() + " changed while it was locked");
			}
		}
		policy.changesStored();
		return events.publishFrom(policy);
	}

	private static PolicyVariant variant(ResultSet row, int index) throws SQLException {
		return new PolicyVariant(VariantName.of(row.getString("variant")), row.getString("schema_version"),
				row.getInt("policy_version"), row.getString("status"),
				JSON.readValue(row.getString("content"), new TypeReference<LinkedHashMap<String, Object>>() {}),
				row.getString("content_hash"), row.getObject("updated_at", OffsetDateTime.class).toInstant(),
				row.getString("updated_by"), row.getLong("version"));
	}
}
