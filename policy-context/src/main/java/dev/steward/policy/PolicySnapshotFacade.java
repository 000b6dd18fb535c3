package dev.steward.policy;

import java.time.Instant;
import java.util.List;

/** Hash snapshots of the effective policies of a scope, to tell at a glance whether two states are the same. */
public interface PolicySnapshotFacade {

	/**
	 * The scope's effective activations (its client profile's pointers over the world's; the world's own when
	 * {@code clientProfile} is {@code ""}) as a hashed tree of files.
	 * @throws PolicyException {@code POLICY_WORLD_NOT_FOUND}, {@code POLICY_SCOPE_INVALID}
	 */
	PolicyHashSnapshot hashSnapshot(String worldId, String clientProfile);

	/**
	 * The effective policies of a scope seen as a tree of files, hashed: one file per effective variant at
	 * {@code <type>/<namespace, its dots as slashes>/<key>/<variant>.json}, holding that variant's content hash. The
	 * root hash and each directory's hash are SHA-256 over the RFC 8785 canonical JSON of
	 * {@code {"hash_version", "entries": [{"relative_path", "content_hash"}, ...]}}, the entries in path order and
	 * their paths relative to the directory; the time of generation is not hashed, so the same state always gives the
	 * same hashes.
	 */
	public record PolicyHashSnapshot(String worldId, String clientProfile, String hashVersion, String canonicalRoot,
			Instant generatedAt, int fileCount, String rootHash, List<File> files, List<Directory> directories) {

		/** The version of the hash inputs, hashed into every hash. */
		public static final String HASH_VERSION = "policy_db_snapshot_hash_v2";

		public PolicyHashSnapshot {
			files = List.copyOf(files);
			directories = List.copyOf(directories);
		}

		/** One effective variant: its path from the root and its content hash. */
		public record File(String path, String contentHash) {
		}

		/** A directory of the tree, with the number of files anywhere under it and the hash over them. */
		public record Directory(String path, int fileCount, String hash) {
		}
	}
}
