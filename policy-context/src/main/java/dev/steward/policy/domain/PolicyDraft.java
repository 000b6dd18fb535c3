package dev.steward.policy.domain;

import dev.steward.policy.PolicyId;

import dev.steward.kernel.CanonicalCbor;
import java.util.Collections;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A policy variant as an author proposes it, before validation: the id is parsed already, everything else is
 * taken as given, so that validation can report every rule it breaks at once.
 * <p>
 * {@code status} stays a string for the same reason: a status outside {@link PolicyStatus} is one of the errors
 * validation reports, not a failure to build the draft. {@code content} is a JSON object held as its parsed
 * values (maps, lists, strings, numbers, booleans and nulls) in the kernel's canonical numeric model, so that the
 * stored content, its hashes and its event agree on every number whatever route it came by; the draft keeps an
 * unmodifiable copy. A value outside that model is refused with {@code INVALID_ARGUMENT}.
 */
public record PolicyDraft(PolicyId id, String variant, String schemaVersion, int policyVersion, String status,
		Map<String, Object> content) {

	/** The content schema version that policies are written in today. */
	public static final String CURRENT_SCHEMA_VERSION = "1.0";

	@SuppressWarnings("unchecked")
	public PolicyDraft {
		content = Collections.unmodifiableMap(new LinkedHashMap<>(
				(Map<String, Object>) Objects.requireNonNull(CanonicalCbor.normalize(content, "content"))));
	}

	public static PolicyDraft of(PolicyId id, String variant, String schemaVersion, int policyVersion,
			String status, Map<String, Object> content) {
		return new PolicyDraft(id, variant, schemaVersion, policyVersion, status, content);
	}
}
