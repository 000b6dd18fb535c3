package dev.steward.policy;

import java.util.List;

/** The changes that turn variant {@code from} of a policy into variant {@code to}, in path order. */
public record PolicyDiffView(String policyId, String from, String to, List<PolicyChange> changes) {
}
