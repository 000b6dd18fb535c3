package dev.steward.policy.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jmolecules.ddd.types.Entity;

/**
 * One named variant of a policy, as stored: its schema and policy versions, status and content, the hash of that
 * content, who changed it last and when, and its version, which counts its changes from 0.
 */
public final class PolicyVariant implements Entity<Policy, VariantName> {

	private final VariantName name;

	private final String schemaVersion;

	private final int policyVersion;

	private final String status;

	private final Map<String, Object> content;

	private final String contentHash;

	private final Instant updatedAt;

	private final String updatedBy;

	private final long version;

	public PolicyVariant(VariantName name, String schemaVersion, int policyVersion, String status,
			Map<String, Object> content, String contentHash, Instant updatedAt, String updatedBy, long version) {
		this.name = name;
		this.schemaVersion = schemaVersion;
		this.policyVersion = policyVersion;
		this.status = status;
		this.content = Collections.unmodifiableMap(new LinkedHashMap<>(content));
		this.contentHash = contentHash;
		this.updatedAt = updatedAt;
		this.updatedBy = updatedBy;
		this.version = version;
	}

	@Override
	public VariantName getId() {
		return name;
	}

	public String name() {
		return name.value();
	}

	public String schemaVersion() {
		return schemaVersion;
	}

	public int policyVersion() {
		return policyVersion;
	}

	public String status() {
		return status;
	}

	public Map<String, Object> content() {
		return content;
	}

	public String contentHash() {
		return contentHash;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public String updatedBy() {
		return updatedBy;
	}

	public long version() {
		return version;
	}
}
