package dev.steward.registry.domain;

import dev.steward.registry.PackageId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A package's bytes were deleted and the package left as a tombstone: {@code v1.package.purged}. */
public record PackagePurged(PackageId packageId, boolean keepManifest, List<String> deletedObjectKeys, String actor)
		implements LoggedRegistryEvent {

	public static final String TYPE = "v1.package.purged";

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public String subjectKind() {
		return "package";
	}

	@Override
	public String subjectId() {
		return packageId.toString();
	}

	@Override
	public Map<String, Object> payload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("keep_manifest", keepManifest);
		payload.put("deleted_object_keys", deletedObjectKeys);
		return payload;
	}
}
