package dev.steward.policy.domain;

import dev.steward.policy.PolicySnapshotFacade.PolicyHashSnapshot;
import dev.steward.policy.PolicySnapshotFacade.PolicyHashSnapshot.Directory;
import dev.steward.policy.PolicySnapshotFacade.PolicyHashSnapshot.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jmolecules.ddd.types.ValueObject;

/**
 * Effective variants as a tree of pseudo-files, hashed: the files in path order, the root hash over all of them
 * and, for every directory that holds a file at any depth, the hash over the files under it with paths relative
 * to it. Each hash is H({@code {"hash_version", "entries": [{"relative_path", "content_hash"}, ...]}}), where H
 * is {@link PolicyHashes#hash(Object)}.
 */
public record SnapshotTree(List<File> files, String rootHash, List<Directory> directories) implements ValueObject {

	public SnapshotTree {
		files = List.copyOf(files);
		directories = List.copyOf(directories);
	}

	/** The tree of the given variants; the order they come in does not matter. */
	public static SnapshotTree of(List<StoredVariant> variants, PolicyHashes hashes) {
		List<File> files = variants.stream()
			.map(variant -> new File(path(variant), variant.contentHash()))
			.sorted(Comparator.comparing(File::path))
			.toList();
		Map<String, List<File>> underDirectory = new TreeMap<>();
		for (File file : files) {
			for (int slash = file.path().indexOf('/'); slash >= 0; slash = file.path().indexOf('/', slash + 1)) {
				String directory = file.path().substring(0, slash);
				underDirectory.computeIfAbsent(directory, ignored -> new ArrayList<>())
					.add(new File(file.path().substring(slash + 1), file.contentHash()));
			}
		}
		List<Directory> directories = underDirectory.entrySet()
			.stream()
			.map(directory -> new Directory(directory.getKey(), directory.getValue().size(),
					hash(directory.getValue(), hashes)))
			.toList();
		return new SnapshotTree(files, hash(files, hashes), directories);
	}

	/** Where a variant sits: {@code <type>/<namespace, its dots as slashes>/<key>/<variant>.json}. */
	public static String path(StoredVariant variant) {
		return variant.policyType() + "/" + variant.namespace().replace('.', '/') + "/" + variant.policyKey() + "/"
				+ variant.variant() + ".json";
	}

	private static String hash(List<File> entries, PolicyHashes hashes) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("hash_version", PolicyHashSnapshot.HASH_VERSION);
		input.put("entries", entries.stream()
			.map(entry -> Map.of("relative_path", entry.path(), "content_hash", entry.contentHash()))
			.toList());
		return hashes.hash(input);
	}
}
