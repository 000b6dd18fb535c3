package dev.steward.policy.application;

import dev.steward.kernel.events.LogEntry;
import dev.steward.policy.ActivationEventView;
import dev.steward.policy.PolicyId;
import dev.steward.policy.PolicyTypeView;
import dev.steward.policy.PolicyVariantView;
import dev.steward.policy.ValidationResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer a request got, read back from the log entry that its idempotency key marks: a retry gets exactly what
 * the first request got.
 */
final class LoggedAnswers {

	private LoggedAnswers() {}

	@SuppressWarnings("unchecked")
	static PolicyVariantView variantSaved(LogEntry entry) {
		Map<String, Object> payload = entry.payload();
		PolicyId id = PolicyId.parse((String) payload.get("policy_id"));
		return new PolicyVariantView(id.value(), id.type(), id.namespace(), id.key(), (String) payload.get("variant"),
				(String) payload.get("schema_version"), number(payload, "policy_version").intValue(),
				(String) payload.get("status"), (Map<String, Object>) payload.get("content"),
				(String) payload.get("content_hash"), Instant.parse((String) payload.get("updated_at")), entry.actor(),
				number(payload, "version").longValue());
	}

	static ActivationEventView activated(LogEntry entry) {
		Map<String, Object> payload = entry.payload();
		Number rollbackOf = (Number) payload.get("rollback_of");
		return new ActivationEventView(entry.sequence(), (String) payload.get("world_id"),
				(String) payload.get("client_profile"), (String) payload.get("policy_id"),
				(String) payload.get("variant"), (String) payload.get("replaced_variant"),
				rollbackOf == null ? null : rollbackOf.longValue(), entry.actor(), entry.createdAt());
	}

	/** A publish run never changes, so the entry names it and the run itself is the answer. */
	static long publishRunId(LogEntry entry) {
		return number(entry.payload(), "publish_run_id").longValue();
	}

	@SuppressWarnings("unchecked")
	static PolicyTypeView typeRegistered(LogEntry entry) {
		Map<String, Object> payload = entry.payload();
		return new PolicyTypeView((String) payload.get("name"), (String) payload.get("layer"), false,
				(Map<String, Object>) payload.get("json_schema"));
	}

	private static Number number(Map<String, Object> payload, String key) {
		return (Number) payload.get(key);
	}

	static ValidationResult validated(LogEntry entry) {
		Map<String, Object> payload = entry.payload();
		return new ValidationResult(number(payload, "validation_run_id").longValue(), (String) payload.get("policy_id"),
				(String) payload.get("variant"), (Boolean) payload.get("valid"),
				((List<?>) payload.get("errors")).stream().map(String.class::cast).toList(),
				(String) payload.get("content_hash"), Instant.parse((String) payload.get("validated_at")),
				entry.actor());
	}
}
