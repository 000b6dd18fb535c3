package dev.steward.policy.infrastructure;

import dev.steward.policy.PolicyErrorCode;
import dev.steward.policy.PolicyException;
import dev.steward.policy.PolicyLayer;
import dev.steward.policy.domain.RegisteredPolicyType;
import dev.steward.policy.domain.RegisteredTypes;
import dev.steward.policy.domain.PolicyTypeRegistration;
import dev.steward.kernel.events.AggregateEvents;
import org.springframework.context.ApplicationEventPublisher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registered policy types in {@code policy.policy_type}, their schemas as {@code jsonb}. The primary key on
 * the name keeps two registrations of one name apart, even when they race.
 */
@Repository
class JdbcRegisteredTypes implements RegisteredTypes {

	private static final JsonMapper JSON = Json.MAPPER;

	private final JdbcClient jdbc;

	private final AggregateEvents events;

	JdbcRegisteredTypes(JdbcClient jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.events = new AggregateEvents(publisher);
	}

	@Override
	public List<RegisteredPolicyType> all() {
		return jdbc.sql("SELECT name, layer, json_schema FROM policy.policy_type ORDER BY registered_at, name")
			.query(JdbcRegisteredTypes::type)
			.list();
	}

	@Override
	public PolicyTypeRegistration save(PolicyTypeRegistration registration) {
		RegisteredPolicyType type = registration.type();
		try {
			jdbc.sql("""
					INSERT INTO policy.policy_type (name, layer, json_schema, registered_by, registered_at)
					VALUES (:name, :layer, :schema, :actor, clock_timestamp())
					""")
				.param("name", type.name())
				.param("layer", type.type().layer().name().toLowerCase(Locale.ROOT))
				.param("schema", PolicyJdbcConverters.jsonb(JSON.writeValueAsString(type.schema())))
				.param("actor", registration.actor())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new PolicyException(PolicyErrorCode.POLICY_TYPE_EXISTS,
					"Policy type " + type.name() + " exists already");
		}
		return events.publishFrom(registration);
	}

	private static RegisteredPolicyType type(ResultSet row, int index) throws SQLException {
		Map<String, Object> schema = JSON.readValue(row.getString("json_schema"),
				new TypeReference<LinkedHashMap<String, Object>>() {});
		return RegisteredPolicyType.of(row.getString("name"),
				PolicyLayer.valueOf(row.getString("layer").toUpperCase(Locale.ROOT)), schema);
	}
}
