package dev.steward.policy.infrastructure;

import dev.steward.policy.ActivationFacade.ActivationEventView;
import dev.steward.policy.ActivationFacade.ActivationView;
import dev.steward.policy.PolicyId;
import dev.steward.policy.domain.Activations;
import dev.steward.policy.domain.Activation;
import dev.steward.policy.domain.ActivationScope;
import dev.steward.policy.application.ActivationReads;
import dev.steward.kernel.events.AggregateEvents;
import org.springframework.context.ApplicationEventPublisher;
import dev.steward.policy.domain.PolicyActivated;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pointers in {@code policy.activation}, history in {@code policy.activation_event}. Activations of one policy in
 * one scope take a transaction-scoped advisory lock, so they happen one after the other and the pointer always
 * names the variant of the last event in log order.
 */
@Component
class JdbcActivations implements Activations, ActivationReads {

	private static final String EVENT_COLUMNS = """
			event_sequence, world_id, client_profile, policy_id, variant, replaced_variant, rollback_of, actor, created_at""";

	private final JdbcClient jdbc;

	private final AggregateEvents events;

	JdbcActivations(JdbcClient jdbc, ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.events = new AggregateEvents(publisher);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Activation lock(Activation.Slot slot) {
		String worldId = slot.scope().worldId();
		String clientProfile = slot.scope().clientProfile();
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(concat_ws(chr(31), 'policy.activation', ?, ?, ?), 0))")
			.params(worldId, clientProfile, slot.policyId().value())
			.query((row, i) -> 1)
			.single();
		return Activation.of(slot, jdbc
			.sql("SELECT variant FROM policy.activation WHERE world_id = ? AND client_profile = ? AND policy_id = ?")
			.params(worldId, clientProfile, slot.policyId().value())
			.query(String.class)
			.optional()
			.orElse(null));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Activation save(Activation activation) {
		return events.publishFrom(activation);
	}

	@Override
	public Optional<Activation.ActivationRecord> record(long sequence) {
		return event(sequence).map(event -> new Activation.ActivationRecord(event.activationEventId(),
				new Activation.Slot(ActivationScope.of(event.worldId(), event.clientProfile()),
						PolicyId.parse(event.policyId())),
				event.variant()));
	}

	/** Projects an appended {@link PolicyActivated}: its history row under its sequence, and the moved pointer. */
	void project(long sequence, PolicyActivated event) {
		ActivationEventView recorded = jdbc.sql("""
				INSERT INTO policy.activation_event (event_sequence, world_id, client_profile, policy_id, variant,
				    replaced_variant, rollback_of, actor, created_at)
				SELECT sequence, ?, ?, ?, ?, ?, ?, actor, created_at FROM policy.event_log WHERE sequence = ?
				RETURNING %s
				""".formatted(EVENT_COLUMNS))
			.params(event.worldId(), event.clientProfile(), event.policyId(), event.variant(),
					event.replacedVariant(), event.rollbackOf(), sequence)
			.query(JdbcActivations::event)
			.single();
		jdbc.sql("""
				INSERT INTO policy.activation (world_id, client_profile, policy_id, variant, activated_at, activated_by, event_sequence)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (world_id, client_profile, policy_id) DO UPDATE SET variant = excluded.variant,
				    activated_at = excluded.activated_at, activated_by = excluded.activated_by,
				    event_sequence = excluded.event_sequence
				""")
			.params(recorded.worldId(), recorded.clientProfile(), recorded.policyId(), recorded.variant(),
					OffsetDateTime.ofInstant(recorded.createdAt(), java.time.ZoneOffset.UTC), recorded.actor(),
					sequence)
			.update();
	}

	@Override
	public Optional<ActivationEventView> event(long activationEventId) {
		return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM policy.activation_event WHERE event_sequence = ?")
			.param(activationEventId)
			.query(JdbcActivations::event)
			.optional();
	}

	@Override
	public Optional<ActivationView> pointer(String worldId, String clientProfile, PolicyId policyId) {
		return jdbc.sql("SELECT * FROM policy.activation WHERE world_id = ? AND client_profile = ? AND policy_id = ?")
			.params(worldId, clientProfile, policyId.value())
			.query(JdbcActivations::pointer)
			.optional();
	}

	@Override
	public Optional<ActivationEventView> lastEvent(String worldId, String clientProfile, PolicyId policyId) {
		return jdbc.sql("SELECT " + EVENT_COLUMNS + " " + """
				 FROM policy.activation_event WHERE world_id = ? AND client_profile = ? AND policy_id = ?
				ORDER BY event_sequence DESC LIMIT 1""")
			.params(worldId, clientProfile, policyId.value())
			.query(JdbcActivations::event)
			.optional();
	}

	@Override
	public List<ActivationView> pointers(String worldId, String clientProfile) {
		return jdbc.sql("SELECT * FROM policy.activation WHERE world_id = ? AND client_profile = ? ORDER BY policy_id")
			.params(worldId, clientProfile)
			.query(JdbcActivations::pointer)
			.list();
	}

	@Override
	public List<ActivationView> pointersWithWorld(String worldId, String clientProfile) {
		return jdbc.sql("SELECT * FROM policy.activation WHERE world_id = ? AND client_profile IN ('', ?) ORDER BY policy_id, client_profile")
			.params(worldId, clientProfile)
			.query(JdbcActivations::pointer)
			.list();
	}

	@Override
	public List<ActivationEventView> events(String worldId, String clientProfile, @Nullable PolicyId policyId,
			long after, int limit) {
		if (policyId == null) {
			return jdbc.sql("SELECT " + EVENT_COLUMNS + " " + """
					 FROM policy.activation_event WHERE world_id = ? AND client_profile = ? AND event_sequence > ?
					ORDER BY event_sequence LIMIT ?""")
				.params(worldId, clientProfile, after, limit)
				.query(JdbcActivations::event)
				.list();
		}
		return jdbc.sql("SELECT " + EVENT_COLUMNS + " " + """
				 FROM policy.activation_event
				WHERE world_id = ? AND client_profile = ? AND policy_id = ? AND event_sequence > ?
				ORDER BY event_sequence LIMIT ?""")
			.params(worldId, clientProfile, policyId.value(), after, limit)
			.query(JdbcActivations::event)
			.list();
	}

	@Override
	public List<ActivationEventView> allEvents(String worldId, String clientProfile) {
		return jdbc.sql("SELECT " + EVENT_COLUMNS + " " + """
				 FROM policy.activation_event WHERE world_id = ? AND client_profile = ? ORDER BY event_sequence""")
			.params(worldId, clientProfile)
			.query(JdbcActivations::event)
			.list();
	}

	private static ActivationEventView event(ResultSet row, int index) throws SQLException {
		return new ActivationEventView(row.getLong("event_sequence"), row.getString("world_id"),
				row.getString("client_profile"), row.getString("policy_id"), row.getString("variant"),
				row.getString("replaced_variant"), row.getObject("rollback_of", Long.class), row.getString("actor"),
				row.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static ActivationView pointer(ResultSet row, int index) throws SQLException {
		return new ActivationView(row.getString("world_id"), row.getString("client_profile"),
				row.getString("policy_id"), row.getString("variant"),
				row.getObject("activated_at", OffsetDateTime.class).toInstant(), row.getString("activated_by"),
				row.getLong("event_sequence"));
	}
}
