package dev.steward.policy;

import java.util.List;

/** Worlds in id order, and whether more follow. */
public record WorldPage(List<WorldView> worlds, boolean hasMore) {
}
