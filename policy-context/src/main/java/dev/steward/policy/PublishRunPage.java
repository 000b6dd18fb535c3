package dev.steward.policy;

import java.util.List;

/** Publish runs, newest first, and whether older ones follow. */
public record PublishRunPage(List<PublishRunView> runs, boolean hasMore) {
}
