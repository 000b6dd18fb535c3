package dev.steward.policy.infrastructure;

import dev.steward.policy.PolicyFacade.PolicyFilter;
import dev.steward.policy.PolicyId;
import dev.steward.policy.domain.StoredVariant;
import dev.steward.policy.PolicyFacade.VariantKey;
import dev.steward.policy.application.VariantReads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Variants in {@code policy.policy_variant}, identities in {@code policy.policy_item}. */
@Component
class JdbcPolicyVariants implements VariantReads {

	private static final JsonMapper JSON = Json.MAPPER;

	private static final String SELECT = """
			SELECT i.policy_id, i.policy_type, i.namespace, i.policy_key, v.variant, v.schema_version,
			       v.policy_version, v.status, v.content, v.content_hash, v.updated_at, v.updated_by, v.version
			FROM policy.policy_variant v JOIN policy.policy_item i ON i.policy_id = v.policy_id
			""";

	private final JdbcClient jdbc;

	JdbcPolicyVariants(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean exists(PolicyId id, String variant) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM policy.policy_variant WHERE policy_id = ? AND variant = ?)")
			.params(id.value(), variant)
			.query(Boolean.class)
			.single();
	}

	@Override
	public Optional<StoredVariant> find(PolicyId id, String variant) {
		return jdbc.sql(SELECT + " WHERE v.policy_id = ? AND v.variant = ?")
			.params(id.value(), variant)
			.query(JdbcPolicyVariants::stored)
			.optional();
	}

	@Override
	public List<StoredVariant> findAll(Collection<VariantKey> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		String[] policyIds = keys.stream().map(VariantKey::policyId).toArray(String[]::new);
		String[] variants = keys.stream().map(VariantKey::variant).toArray(String[]::new);
		return jdbc.sql(SELECT + """
				 JOIN unnest(?::text[], ?::text[]) AS k(policy_id, variant)
				   ON k.policy_id = v.policy_id AND k.variant = v.variant""")
			.params(policyIds, variants)
			.query(JdbcPolicyVariants::stored)
			.list();
	}

	@Override
	public Optional<StoredVariant> latest(PolicyId id) {
		return jdbc.sql(SELECT + " WHERE v.policy_id = ? ORDER BY v.policy_version DESC, v.updated_at DESC, v.variant LIMIT 1")
			.param(id.value())
			.query(JdbcPolicyVariants::stored)
			.optional();
	}

	@Override
	public List<StoredVariant> list(PolicyFilter filter, @Nullable ListPosition after, int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE true");
		List<Object> params = new ArrayList<>();
		if (filter.policyType() != null) {
			sql.append(" AND i.policy_type = ?");
			params.add(filter.policyType());
		}
		if (filter.namespace() != null) {
			sql.append(" AND i.namespace = ?");
			params.add(filter.namespace());
		}
		if (filter.status() != null) {
			sql.append(" AND v.status = ?");
			params.add(filter.status().code());
		}
		if (after != null) {
			sql.append(" ").append("""
					AND ((i.policy_type, i.namespace, i.policy_key) > (?, ?, ?)
					   OR ((i.policy_type, i.namespace, i.policy_key) = (?, ?, ?)
					       AND (v.policy_version < ? OR (v.policy_version = ? AND v.variant > ?))))""");
			params.addAll(List.of(after.policyType(), after.namespace(), after.policyKey(), after.policyType(),
					after.namespace(), after.policyKey(), after.policyVersion(), after.policyVersion(),
					after.variant()));
		}
		sql.append(" ORDER BY i.policy_type, i.namespace, i.policy_key, v.policy_version DESC, v.variant LIMIT ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(JdbcPolicyVariants::stored).list();
	}

	static StoredVariant stored(ResultSet row, int index) throws SQLException {
		Map<String, Object> content = JSON.readValue(row.getString("content"),
				new TypeReference<LinkedHashMap<String, Object>>() {});
		return new StoredVariant(row.getString("policy_id"), row.getString("policy_type"),
				row.getString("namespace"), row.getString("policy_key"), row.getString("variant"),
				row.getString("schema_version"), row.getInt("policy_version"), row.getString("status"), content,
				row.getString("content_hash"), row.getObject("updated_at", OffsetDateTime.class).toInstant(),
				row.getString("updated_by"), row.getLong("version"));
	}
}
