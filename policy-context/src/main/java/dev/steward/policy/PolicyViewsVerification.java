package dev.steward.policy;

import java.util.List;

/**
 * What rebuilding every policy view from the policy event log found, compared with the live views.
 * @param consistent whether the rebuild equals the live views
 * @param eventsReplayed how many log entries were replayed
 * @param differences each row found only in the rebuild or only in the live view (at most 20 per view)
 */
public record PolicyViewsVerification(boolean consistent, long eventsReplayed, List<Difference> differences) {

	public PolicyViewsVerification {
		differences = List.copyOf(differences);
	}

	/**
	 * A row that the rebuild and the live view disagree on.
	 * @param view the view's table, e.g. {@code policy_variant}
	 * @param key the row's key, e.g. {@code prompt:npc:greeting@v1}
	 * @param problem {@code only in the log} or {@code only in the view}; a changed row shows up as both
	 */
	public record Difference(String view, String key, String problem) {
	}
}
