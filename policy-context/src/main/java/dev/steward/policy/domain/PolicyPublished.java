package dev.steward.policy.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scope's effective policies were frozen into a manifest, stored as publish run {@code publishRunId}; the
 * payload names the run and its hashes and carries the manifest itself, so the run can be rebuilt from the log.
 */
public record PolicyPublished(long publishRunId, String worldId, String clientProfile, String manifestHash,
		String itemsHash, int itemCount, Map<String, Object> manifest, String actor) implements LoggedPolicyEvent {

	public static final String TYPE = dev.steward.policy.PolicyEvents.PUBLISHED;

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subjectKind() {
		return "publish_run";
	}

	@Override
	public String subjectId() {
		return Long.toString(publishRunId);
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("world_id", worldId);
		payload.put("client_profile", clientProfile);
		payload.put("publish_run_id", publishRunId);
		payload.put("manifest_hash", manifestHash);
		payload.put("items_hash", itemsHash);
		payload.put("item_count", itemCount);
		payload.put("manifest", manifest);
		return payload;
	}
}
