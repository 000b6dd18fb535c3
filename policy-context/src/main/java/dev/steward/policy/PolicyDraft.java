package dev.steward.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A policy variant as an author proposes it, before validation: the id is parsed already, everything else is
 * taken as given, so that validation can report every rule it breaks at once.
 * <p>
 * {@code status} stays a string for the same reason: a status outside {@link PolicyStatus} is one of the errors
 * validation reports, not a failure to build the draft. {@code content} is a JSON object held as its parsed
 * values (maps, lists, strings, numbers, booleans and nulls); the draft keeps an unmodifiable copy.
 */
public record PolicyDraft(PolicyId id, String variant, String schemaVersion, int policyVersion, String status,
		Map<String, Object> content) {

	/** The content schema version that policies are written in today. */
	public static final String CURRENT_SCHEMA_VERSION = "1.0";

	public PolicyDraft {
		content = Collections.unmodifiableMap(new LinkedHashMap<>(content));
	}

	public static PolicyDraft of(PolicyId id, String variant, String schemaVersion, int policyVersion,
			String status, Map<String, Object> content) {
		return new PolicyDraft(id, variant, schemaVersion, policyVersion, status, content);
	}
}
