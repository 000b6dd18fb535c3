package dev.steward.policy;

import java.time.Instant;
import java.util.List;

/** One recorded validation run: its verdict, every error, and who ran it when. */
public record ValidationResult(long validationRunId, String policyId, String variant, boolean valid,
		List<String> errors, String contentHash, Instant validatedAt, String validatedBy) {
}
