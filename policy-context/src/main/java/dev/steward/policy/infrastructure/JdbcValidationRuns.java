package dev.steward.policy.infrastructure;

import dev.steward.policy.PolicyId;
import dev.steward.policy.ValidationResult;
import dev.steward.policy.domain.ValidationOutcome;
import dev.steward.policy.domain.ValidationRuns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Validation runs in {@code policy.validation_run}: inserted, never changed. */
@Component
class JdbcValidationRuns implements ValidationRuns {

	private static final JsonMapper JSON = Json.MAPPER;

	private final JdbcClient jdbc;

	JdbcValidationRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public ValidationResult record(PolicyId id, String variant, ValidationOutcome outcome, String contentHash,
			String actor) {
		return jdbc.sql("""
				INSERT INTO policy.validation_run (policy_id, variant, valid, errors, content_hash, validated_at, validated_by)
				VALUES (?, ?, ?, ?::jsonb, ?, clock_timestamp(), ?)
				RETURNING *
				""")
			.params(id.value(), variant, outcome.valid(), JSON.writeValueAsString(outcome.errors()), contentHash, actor)
			.query(JdbcValidationRuns::result)
			.single();
	}

	@Override
	public List<ValidationResult> of(PolicyId id, String variant) {
		return jdbc.sql("SELECT * FROM policy.validation_run WHERE policy_id = ? AND variant = ? ORDER BY id DESC")
			.params(id.value(), variant)
			.query(JdbcValidationRuns::result)
			.list();
	}

	private static ValidationResult result(ResultSet row, int index) throws SQLException {
		return new ValidationResult(row.getLong("id"), row.getString("policy_id"), row.getString("variant"),
				row.getBoolean("valid"), JSON.readValue(row.getString("errors"), new TypeReference<List<String>>() {}),
				row.getString("content_hash"), row.getObject("validated_at", OffsetDateTime.class).toInstant(),
				row.getString("validated_by"));
	}
}
