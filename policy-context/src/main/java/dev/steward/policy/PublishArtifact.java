package dev.steward.policy;

import java.util.Map;

/**
 * The export artifact of a publish run: its manifest with the full variants it names, and the hashes that let an
 * importer check it. {@code content} is the artifact as JSON values, {@code artifact_hash} included.
 */
public record PublishArtifact(long publishRunId, String manifestHash, String artifactHash,
		Map<String, Object> content) {
}
