package dev.steward.policy.infrastructure;

import dev.steward.policy.PolicyId;
import dev.steward.policy.PolicyFacade.ValidationResult;
import dev.steward.kernel.events.AggregateEvents;
import dev.steward.policy.application.ValidationRunReads;
import dev.steward.policy.domain.ValidationRun;
import dev.steward.policy.domain.ValidationRuns;
import java.time.ZoneOffset;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Validation runs in {@code policy.validation_run}: inserted, never changed. */
@Component
class JdbcValidationRuns implements ValidationRuns, ValidationRunReads {

	private static final JsonMapper JSON = Json.MAPPER;

	private final JdbcClient jdbc;

	private final AggregateEvents events;

	JdbcValidationRuns(JdbcClient jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.events = new AggregateEvents(publisher);
	}

	@Override
	public ValidationRun.Id nextId() {
		return new ValidationRun.Id(jdbc.sql("SELECT nextval(pg_get_serial_sequence('policy.validation_run', 'id'))")
			.query(Long.class)
			.single());
	}

	@Override
	public ValidationRun save(ValidationRun run) {
		jdbc.sql("""
				INSERT INTO policy.validation_run (id, policy_id, variant, valid, errors, content_hash, validated_at, validated_by)
				OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)
				""")
			.params(run.getId().value(), run.policyId().value(), run.variant().value(), run.outcome().valid(),
					JSON.writeValueAsString(run.outcome().errors()), run.contentHash(),
					OffsetDateTime.ofInstant(run.validatedAt(), ZoneOffset.UTC), run.validatedBy())
			.update();
		return events.publishFrom(run);
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
