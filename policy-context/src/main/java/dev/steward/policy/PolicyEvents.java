package dev.steward.policy;

import dev.steward.policy.ActivationFacade.ActivationEventView;
import dev.steward.policy.PolicyFacade.PolicyTypeView;
import dev.steward.policy.PolicyFacade.PolicyVariantView;
import dev.steward.policy.PolicyFacade.ValidationResult;

import dev.steward.kernel.events.LogEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed readers of the policy event log: each turns an entry of one event type into the view it records, and
 * says nothing (empty) about an entry of any other type. Whoever reads the log reads it through these, never
 * through payload keys or type names.
 */
public final class PolicyEvents {

	public static final String ACTIVATED = "v1.policy.activated";

	public static final String VARIANT_SAVED = "v1.policy_variant.saved";

	public static final String VARIANT_VALIDATED = "v1.policy_variant.validated";

	public static final String TYPE_REGISTERED = "v1.policy_type.registered";

	public static final String PUBLISHED = "v1.policy.published";

	private PolicyEvents() {}

	/** An activation or rollback, as its history records it. */
	public static Optional<ActivationEventView> activation(LogEntry entry) {
		if (!entry.type().equals(ACTIVATED)) {
			return Optional.empty();
		}
		Map<String, Object> payload = entry.payload();
		Number rollbackOf = (Number) payload.get("rollback_of");
		return Optional.of(new ActivationEventView(entry.sequence(), (String) payload.get("world_id"),
				(String) payload.get("client_profile"), (String) payload.get("policy_id"),
				(String) payload.get("variant"), (String) payload.get("replaced_variant"),
				rollbackOf == null ? null : rollbackOf.longValue(), entry.actor(), entry.createdAt()));
	}

	/** A variant as a save left it. */
	@SuppressWarnings("unchecked")
	public static Optional<PolicyVariantView> variantSaved(LogEntry entry) {
		if (!entry.type().equals(VARIANT_SAVED)) {
			return Optional.empty();
		}
		Map<String, Object> payload = entry.payload();
		PolicyId id = PolicyId.parse((String) payload.get("policy_id"));
		return Optional.of(new PolicyVariantView(id.value(), id.type(), id.namespace(), id.key(),
				(String) payload.get("variant"), (String) payload.get("schema_version"),
				number(payload, "policy_version").intValue(), (String) payload.get("status"),
				(Map<String, Object>) payload.get("content"), (String) payload.get("content_hash"),
				Instant.parse((String) payload.get("updated_at")), entry.actor(), number(payload, "version").longValue()));
	}

	/** A validation run. */
	public static Optional<ValidationResult> validation(LogEntry entry) {
		if (!entry.type().equals(VARIANT_VALIDATED)) {
			return Optional.empty();
		}
		Map<String, Object> payload = entry.payload();
		return Optional.of(new ValidationResult(number(payload, "validation_run_id").longValue(),
				(String) payload.get("policy_id"), (String) payload.get("variant"), (Boolean) payload.get("valid"),
				((List<?>) payload.get("errors")).stream().map(String.class::cast).toList(),
				(String) payload.get("content_hash"), Instant.parse((String) payload.get("validated_at")),
				entry.actor()));
	}

	/** A registered policy type. */
	@SuppressWarnings("unchecked")
	public static Optional<PolicyTypeView> typeRegistration(LogEntry entry) {
		if (!entry.type().equals(TYPE_REGISTERED)) {
			return Optional.empty();
		}
		Map<String, Object> payload = entry.payload();
		return Optional.of(new PolicyTypeView((String) payload.get("name"),
				PolicyLayer.valueOf(((String) payload.get("layer")).toUpperCase(java.util.Locale.ROOT)), false,
				(Map<String, Object>) payload.get("json_schema")));
	}

	/** The number of the publish run a publish froze. */
	public static Optional<Long> publishRunId(LogEntry entry) {
		if (!entry.type().equals(PUBLISHED)) {
			return Optional.empty();
		}
		return Optional.of(number(entry.payload(), "publish_run_id").longValue());
	}

	private static Number number(Map<String, Object> payload, String key) {
		return (Number) payload.get(key);
	}
}
