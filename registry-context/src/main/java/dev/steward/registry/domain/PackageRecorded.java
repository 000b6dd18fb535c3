package dev.steward.registry.domain;

import dev.steward.registry.PackageId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A package was created: {@code v1.package.created}. */
public record PackageRecorded(PackageId packageId, String name, String producer, String subject,
		String retentionClass, Map<String, Object> metadata, @Nullable UUID metadataSchemaId, String actor)
		implements LoggedRegistryEvent {

	public static final String TYPE = "v1.package.created";

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
		payload.put("name", name);
		payload.put("producer", producer);
		payload.put("subject", subject);
		payload.put("retention_class", retentionClass);
		payload.put("metadata", metadata);
		payload.put("metadata_schema_id", metadataSchemaId == null ? null : metadataSchemaId.toString());
		return payload;
	}
}
